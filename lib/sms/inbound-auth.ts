import { createHmac, timingSafeEqual } from "node:crypto";

/** The headers the SMS gateway signs a delivered reply with. */
export const SIGNATURE_HEADER = "x-sms-signature";
export const TIMESTAMP_HEADER = "x-sms-timestamp";
/** A signed delivery older (or further ahead) than this is a replay, refused. */
export const MAX_AGE_SECONDS = 300;

/** hex HMAC-SHA256 over "<unix seconds>.<raw body>": the timestamp is bound to the body it came with. */
export function signInbound(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export type InboundAuth = { ok: true } | { ok: false; reason: "missing" | "bad_signature" | "stale" };

/** Checks a delivery's signature, then its age against `now`; the comparison takes constant time. */
export function verifyInbound(
  secret: string,
  delivery: { timestamp: string | null; signature: string | null; body: string },
  now: Date,
): InboundAuth {
  const { timestamp, signature, body } = delivery;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: "missing" };
  const expected = Buffer.from(signInbound(secret, timestamp, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return { ok: false, reason: "bad_signature" };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return { ok: false, reason: "stale" };
  return { ok: true };
}
