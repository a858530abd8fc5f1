import { BodyTooLarge, readBodyText, SMS_INBOUND_BODY_LIMIT } from "../http/body-limit";
import { getDb } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import * as clock from "../clock";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInbound } from "./inbound-auth";
import { inboundSmsSchema, receiveSms } from "./inbound";

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * `POST /api/sms/inbound`: the gateway delivers a citizen's reply, signed. The signature is checked on
 * the raw bytes before anything is parsed; the answer to the citizen goes out as an SMS, not here.
 * Nothing about the sender or the text is logged, only what happened.
 */
export async function acceptInboundSms(request: Request): Promise<Response> {
  let raw: string;
  try {
    raw = await readBodyText(request, SMS_INBOUND_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge) return answer(413, { error: "body_too_large", limit: SMS_INBOUND_BODY_LIMIT });
    throw error;
  }
  const e = env();
  const now = clock.now();
  const auth = verifyInbound(e.SMS_INBOUND_SECRET, { timestamp: request.headers.get(TIMESTAMP_HEADER), signature: request.headers.get(SIGNATURE_HEADER), body: raw }, now);
  if (!auth.ok) {
    log.warn({ reason: auth.reason }, "sms inbound refused");
    return answer(401, { error: auth.reason });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return answer(400, { error: "invalid_json" });
  }
  const parsed = inboundSmsSchema.safeParse(json);
  if (!parsed.success) return answer(400, { error: "invalid_body", fields: parsed.error.issues.map((i) => i.path.join(".")) });
  const outcome = await receiveSms(await getDb(), parsed.data, { origin: e.APP_ORIGIN, secret: e.SMS_INBOUND_SECRET, now, today: clock.today() });
  log.info({ outcome }, "sms inbound");
  return answer(200, { outcome });
}
