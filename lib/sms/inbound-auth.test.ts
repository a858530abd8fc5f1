import { describe, expect, it } from "vitest";
import { MAX_AGE_SECONDS, signInbound, verifyInbound } from "./inbound-auth";

const SECRET = "gateway-shared-secret-0123";
const NOW = new Date("2026-11-23T03:00:00Z");
const ts = (offsetSeconds = 0) => String(Math.floor(NOW.getTime() / 1000) + offsetSeconds);
const body = JSON.stringify({ messageId: "m-1", from: "0905000001", text: "HD" });

describe("the SMS gateway's signature", () => {
  it("accepts a delivery signed over its timestamp and body with the shared secret", () => {
    const t = ts();
    expect(verifyInbound(SECRET, { timestamp: t, signature: signInbound(SECRET, t, body), body }, NOW)).toEqual({ ok: true });
    expect(signInbound(SECRET, t, body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses another secret, a changed body, or a timestamp moved to another signature", () => {
    const t = ts();
    const signature = signInbound(SECRET, t, body);
    expect(verifyInbound(SECRET, { timestamp: t, signature: signInbound("another-secret-0123456", t, body), body }, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyInbound(SECRET, { timestamp: t, signature, body: body.replace("HD", "XN") }, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyInbound(SECRET, { timestamp: ts(1), signature, body }, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a replay older than 5 minutes, and a timestamp as far ahead", () => {
    for (const offset of [-MAX_AGE_SECONDS - 1, MAX_AGE_SECONDS + 1, -86_400]) {
      const t = ts(offset);
      expect(verifyInbound(SECRET, { timestamp: t, signature: signInbound(SECRET, t, body), body }, NOW), String(offset)).toEqual({ ok: false, reason: "stale" });
    }
    const edge = ts(-MAX_AGE_SECONDS);
    expect(verifyInbound(SECRET, { timestamp: edge, signature: signInbound(SECRET, edge, body), body }, NOW)).toEqual({ ok: true });
  });

  it("refuses missing or malformed headers without comparing anything", () => {
    const t = ts();
    const signature = signInbound(SECRET, t, body);
    expect(verifyInbound(SECRET, { timestamp: null, signature, body }, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifyInbound(SECRET, { timestamp: t, signature: null, body }, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifyInbound(SECRET, { timestamp: "1.5e9", signature, body }, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifyInbound(SECRET, { timestamp: t, signature: signature.slice(2), body }, NOW)).toEqual({ ok: false, reason: "missing" });
  });
});
