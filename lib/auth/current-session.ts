import { cache } from "react";
import { cookies } from "next/headers";
import type { Session } from "next-auth";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { sessionCookie } from "@/lib/security/session-cookie";
import { continueSession, IDLE_TIMEOUT_SECONDS, nowSeconds } from "@/lib/security/session-policy";
import { isSessionRevoked } from "@/lib/security/session-revocation";
import { readSessionToken } from "@/lib/security/session-token";

/**
 * The request's session, read once however many layouts, pages and components ask. It applies the
 * same rule as auth.ts's jwt callback (idle, absolute, revoked) but, unlike `auth()`, does not
 * re-encode the cookie on every read: proxy.ts refreshes it, at most once a minute.
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const e = env();
  const cookie = sessionCookie(e);
  const value = (await cookies()).get(cookie.name)?.value;
  if (!value) return null;
  const now = nowSeconds();
  const token = await readSessionToken(value, e.AUTH_SECRET, cookie.name, now);
  if (!token) return null;
  const db = await getDb();
  const live = await continueSession(token, now, (sid) => isSessionRevoked(db, sid));
  if (!live?.sub) return null;
  return {
    user: { id: live.sub, name: live.name ?? null, role: live.role, agency: live.agency },
    expires: new Date((live.lastSeen + IDLE_TIMEOUT_SECONDS) * 1000).toISOString(),
  };
});
