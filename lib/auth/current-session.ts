import { cache } from "react";
import { cookies } from "next/headers";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { sessionCookie } from "@/lib/security/session-cookie";
import { IDLE_TIMEOUT_SECONDS, nowSeconds, sessionVerdict } from "@/lib/security/session-policy";
import { isSessionRevoked } from "@/lib/security/session-revocation";
import { readSessionToken } from "@/lib/security/session-token";

export type LiveClaims = JWT & { sub: string; sid: string; lastSeen: number };

/**
 * The session cookie's claims when it is within its idle and absolute limits. Whether it was revoked
 * is not yet asked: currentSession() asks the database; the status JSON asks in its own query.
 */
export const claimsBeforeRevocationCheck = cache(async (): Promise<LiveClaims | null> => {
  const e = env();
  const cookie = sessionCookie(e);
  const value = (await cookies()).get(cookie.name)?.value;
  if (!value) return null;
  const now = nowSeconds();
  const token = await readSessionToken(value, e.AUTH_SECRET, cookie.name, now);
  if (!token?.sub || !sessionVerdict(token, now).ok) return null;
  return token as LiveClaims;
});

/**
 * The request's session, read once however many layouts, pages and components ask. It applies the
 * same rule as auth.ts's jwt callback (idle, absolute, revoked) but, unlike `auth()`, does not
 * re-encode the cookie on every read: proxy.ts refreshes it, at most once a minute.
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const claims = await claimsBeforeRevocationCheck();
  if (!claims || (await isSessionRevoked(await getDb(), claims.sid))) return null;
  return {
    user: { id: claims.sub, name: claims.name ?? null, role: claims.role, agency: claims.agency },
    expires: new Date((claims.lastSeen + IDLE_TIMEOUT_SECONDS) * 1000).toISOString(),
  };
});
