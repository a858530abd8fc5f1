import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_TRIES = 3;

/** Six random digits from the system's CSPRNG. */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** What is stored: the code keyed with the server's secret and bound to its challenge, never the code. */
export function hashOtp(secret: string, challengeId: string, code: string): string {
  return createHmac("sha256", secret).update(`${challengeId}:${code}`).digest("hex");
}

export interface StoredChallenge {
  id: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
}

export type OtpCheck = { ok: true } | { ok: false; reason: "dead" } | { ok: false; reason: "wrong"; triesLeft: number };

/** Whether `code` opens the challenge now: unused, not expired, fewer than 3 wrong tries, and equal. */
export function checkOtp(challenge: StoredChallenge, code: string, secret: string, now: Date): OtpCheck {
  if (challenge.usedAt || challenge.attempts >= OTP_MAX_TRIES || now >= challenge.expiresAt) return { ok: false, reason: "dead" };
  const given = Buffer.from(hashOtp(secret, challenge.id, code), "hex");
  if (timingSafeEqual(given, Buffer.from(challenge.codeHash, "hex"))) return { ok: true };
  return { ok: false, reason: "wrong", triesLeft: OTP_MAX_TRIES - challenge.attempts - 1 };
}
