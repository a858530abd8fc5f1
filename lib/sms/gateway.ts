/** One text message for a gateway; the idempotency key lets a provider drop a resend it already accepted. */
export interface SmsMessage {
  to: string;
  body: string;
  idempotencyKey: string;
}

export type SendResult = { ok: true; messageId: string } | { ok: false; permanent: boolean; error: string };

/** Anything that can deliver an SMS: our simulator in the demo, a carrier's API in production. */
export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<SendResult>;
}
