import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionToken } from "./session-token";

const secret = "a-test-secret-of-enough-length";
const salt = "authjs.session-token";
const now = () => Math.floor(Date.now() / 1000);
const memo = () => (globalThis as unknown as { chuDongSessionTokens: Map<string, unknown> }).chuDongSessionTokens;

describe("readSessionToken", () => {
  it("reads a cookie with Auth.js's decode and remembers it, frozen, for the next request", async () => {
    const value = await encode({ token: { sub: "048090000001", sid: "s".repeat(20) }, secret, salt, maxAge: 900 });
    const first = await readSessionToken(value, secret, salt, now());
    expect(first).toMatchObject({ sub: "048090000001" });
    expect(Object.isFrozen(first)).toBe(true);
    expect(await readSessionToken(value, secret, salt, now())).toBe(first);
    expect(await readSessionToken(value, "another-secret-of-enough-length", salt, now())).toBe(first);
    expect(await readSessionToken(value, secret, salt, now() + 901)).toBeNull();
  });

  it("keeps nothing of a cookie that does not decode, and refuses one longer than 4 KB unread", async () => {
    const before = memo()?.size ?? 0;
    for (let i = 0; i < 50; i++) expect(await readSessionToken(`junk-${i}-${"x".repeat(100)}`, secret, salt, now())).toBeNull();
    expect(await readSessionToken("x".repeat(5000), secret, salt, now())).toBeNull();
    expect(memo()?.size ?? 0).toBe(before);
  });
});
