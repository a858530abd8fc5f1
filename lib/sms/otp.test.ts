import { describe, expect, it } from "vitest";
import { checkOtp, hashOtp, newOtp, OTP_MAX_TRIES, type StoredChallenge } from "./otp";

const SECRET = "test-secret-0123456789";
const NOW = new Date("2026-11-23T03:00:00Z");
const challenge = (over: Partial<StoredChallenge> = {}): StoredChallenge => ({
  id: "0b8f3c1e-0000-4000-8000-000000000001",
  codeHash: hashOtp(SECRET, "0b8f3c1e-0000-4000-8000-000000000001", "042917"),
  attempts: 0,
  expiresAt: new Date(NOW.getTime() + 10 * 60_000),
  usedAt: null,
  ...over,
});

describe("one-time codes", () => {
  it("are six digits, and stored only as a keyed hash bound to their challenge", () => {
    const codes = new Set(Array.from({ length: 200 }, newOtp));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
    const hash = hashOtp(SECRET, "a", "042917");
    expect(hash).not.toContain("042917");
    expect(hashOtp(SECRET, "b", "042917")).not.toBe(hash);
    expect(hashOtp("other-secret-000000", "a", "042917")).not.toBe(hash);
  });

  it("open once the right code is given in time", () => {
    expect(checkOtp(challenge(), "042917", SECRET, NOW)).toEqual({ ok: true });
    expect(checkOtp(challenge({ usedAt: NOW }), "042917", SECRET, NOW)).toEqual({ ok: false, reason: "dead" });
  });

  it("expire after 10 minutes", () => {
    const justBefore = new Date(NOW.getTime() + 10 * 60_000 - 1);
    expect(checkOtp(challenge(), "042917", SECRET, justBefore)).toEqual({ ok: true });
    expect(checkOtp(challenge(), "042917", SECRET, new Date(NOW.getTime() + 10 * 60_000))).toEqual({ ok: false, reason: "dead" });
  });

  it("allow 3 wrong tries, then not even the right code", () => {
    expect(OTP_MAX_TRIES).toBe(3);
    expect(checkOtp(challenge(), "000000", SECRET, NOW)).toEqual({ ok: false, reason: "wrong", triesLeft: 2 });
    expect(checkOtp(challenge({ attempts: 2 }), "000000", SECRET, NOW)).toEqual({ ok: false, reason: "wrong", triesLeft: 0 });
    expect(checkOtp(challenge({ attempts: 2 }), "042917", SECRET, NOW)).toEqual({ ok: true });
    expect(checkOtp(challenge({ attempts: 3 }), "042917", SECRET, NOW)).toEqual({ ok: false, reason: "dead" });
  });
});
