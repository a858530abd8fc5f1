import { createHash } from "node:crypto";
import type { SmsGateway } from "./gateway";

/** The demo's gateway: the outbox row turning `sent` is the delivery, and /dev/sms is the phone. */
export function createSimulatorGateway(): SmsGateway {
  return {
    name: "simulator",
    async send({ idempotencyKey }) {
      // Same key, same id: a resend looks like the provider de-duplicating it.
      const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 20);
      return { ok: true, messageId: `sim-${digest}` };
    },
  };
}
