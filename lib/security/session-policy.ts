import { randomUUID } from "node:crypto";
import * as clock from "../clock";

/** ASVS 3.3: a session ends after 15 minutes without activity and 8 hours after sign-in, whatever happens. */
export const IDLE_TIMEOUT_SECONDS = 15 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 8 * 3600;
/** Activity refreshes the cookie at most this often (proxy.ts), so most requests only read it. */
export const TOUCH_AFTER_SECONDS = 60;

/** Our claims in the session JWT. Auth.js rewrites jti/iat/exp on every encode, hence our own names. */
export interface SessionClaims {
  /** The session id: new at each sign-in, the key of the revocation list. */
  sid?: unknown;
  /** Sign-in time (seconds): the absolute timeout counts from here. */
  authTime?: unknown;
  /** Last activity (seconds): the idle timeout counts from here. */
  lastSeen?: unknown;
}

export type SessionVerdict = { ok: true } | { ok: false; reason: "malformed" | "idle" | "absolute" | "future" };

export const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

/** A fresh session at sign-in: a new id (no fixation of an earlier one), and both clocks start now. */
export function startSession<T extends object>(token: T, now: number): T & { sid: string; authTime: number; lastSeen: number } {
  return { ...token, sid: randomUUID(), authTime: now, lastSeen: now };
}

export function sessionVerdict(token: SessionClaims, now: number): SessionVerdict {
  const { sid, authTime, lastSeen } = token;
  if (typeof sid !== "string" || sid.length < 16 || typeof authTime !== "number" || typeof lastSeen !== "number") {
    return { ok: false, reason: "malformed" };
  }
  // Clock skew between instances is small; a time far ahead is a forged or broken token.
  if (authTime > now + 60 || lastSeen > now + 60 || lastSeen < authTime) return { ok: false, reason: "future" };
  if (now - authTime > ABSOLUTE_TIMEOUT_SECONDS) return { ok: false, reason: "absolute" };
  if (now - lastSeen > IDLE_TIMEOUT_SECONDS) return { ok: false, reason: "idle" };
  return { ok: true };
}

/**
 * The jwt callback's rule for an existing session: expired (idle or absolute) or revoked → null, which
 * makes Auth.js drop the cookie; otherwise the session, marked active now.
 */
export async function continueSession<T extends SessionClaims & Record<string, unknown>>(
  token: T,
  now: number,
  isRevoked: (sid: string) => Promise<boolean>,
): Promise<(T & { lastSeen: number }) | null> {
  if (!sessionVerdict(token, now).ok) return null;
  if (await isRevoked(token.sid as string)) return null;
  return { ...token, lastSeen: now };
}

/** When a live session ends if nothing more happens (seconds): idle or absolute limit, whichever is first. */
export function sessionEndsAt(token: { authTime: number; lastSeen: number }): number {
  return Math.min(token.lastSeen + IDLE_TIMEOUT_SECONDS, token.authTime + ABSOLUTE_TIMEOUT_SECONDS);
}

/** Whether proxy.ts should re-issue the cookie to record activity. */
export function needsTouch(token: SessionClaims, now: number): boolean {
  return sessionVerdict(token, now).ok && now - (token.lastSeen as number) >= TOUCH_AFTER_SECONDS;
}
