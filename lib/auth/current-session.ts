import { cache } from "react";
import { cookies } from "next/headers";
import { z } from "zod";
import type { Session } from "next-auth";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { sessionCookie } from "@/lib/security/session-cookie";
import { IDLE_TIMEOUT_SECONDS, nowSeconds, sessionVerdict } from "@/lib/security/session-policy";
import { isSessionRevoked } from "@/lib/security/session-revocation";
import { readSessionToken } from "@/lib/security/session-token";

const liveClaims = z.object({
  sub: z.string().min(1),
  sid: z.string(),
  lastSeen: z.number(),
  authTime: z.number(),
  name: z.string().nullish(),
  role: z.enum(["citizen", "officer", "ioc"]).optional(),
  agency: z.string().optional(),
});
export type LiveClaims = z.infer<typeof liveClaims>;

/** The cookie's claims within the idle and absolute limits; revocation is asked by the caller. */
export const claimsBeforeRevocationCheck = cache(async (): Promise<LiveClaims | null> => {
  const e = env();
  const cookie = sessionCookie(e);
  const value = (await cookies()).get(cookie.name)?.value;
  if (!value) return null;
  const now = nowSeconds();
  const token = await readSessionToken(value, e.AUTH_SECRET, cookie.name, now);
  if (!token || !sessionVerdict(token, now).ok) return null;
  const claims = liveClaims.safeParse(token);
  return claims.success ? claims.data : null;
});

/**
 * auth.ts's jwt-callback rule (idle, absolute, revoked), read once per request. Unlike `auth()` it
 * does not re-encode the cookie on every read; proxy.ts refreshes it, at most once a minute.
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const claims = await claimsBeforeRevocationCheck();
  if (!claims || (await isSessionRevoked(await getDb(), claims.sid))) return null;
  return {
    user: { id: claims.sub, name: claims.name ?? null, role: claims.role, agency: claims.agency },
    expires: new Date((claims.lastSeen + IDLE_TIMEOUT_SECONDS) * 1000).toISOString(),
  };
});
