import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { smsInbound, smsOutbox } from "../db/schema";
import { hitRateLimit, type RateLimit } from "../security/rate-limit";
import { storableText } from "../services/citizen-input";
import { answerReply, renderAnswer, type ConversationContext } from "./conversation";
import { mobilePhoneSchema } from "./phone";

/** What the gateway delivers: its message id (a redelivery repeats it), the sender and the text. */
export const inboundSmsSchema = z.object({
  messageId: z.string().trim().min(1).max(100).regex(/^[\w.:-]+$/),
  from: mobilePhoneSchema,
  text: z.string().max(2000).refine(storableText),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

/** Replies one phone may send: enough for a conversation, too few to guess codes or run up SMS costs. */
export const PHONE_RATE_LIMIT: RateLimit = { limit: 10, windowSeconds: 600 };

export type InboundOutcome = "duplicate" | "rate_limited" | "answered" | "ignored";

/** The bucket names a phone by a hash, so the rate-limit table holds no numbers. */
function phoneBucket(phone: string): string {
  return `sms-in:${createHash("sha256").update(phone).digest("hex").slice(0, 32)}`;
}

/**
 * Takes one delivered SMS: recorded once by its message id (a redelivery answers nothing twice),
 * counted against the sender's limit, answered, and the answer queued in the outbox like any SMS.
 * All in one transaction: if acting on it fails, the record goes too, so the gateway's retry is acted
 * on instead of being taken for a duplicate of a reply that never took effect.
 */
export async function receiveSms(db: Db, sms: InboundSms, ctx: ConversationContext): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const [inbound] = await tx
      .insert(smsInbound)
      // The app's clock, like the outbox it is shown beside in the simulator, never the database's.
      .values({ gatewayMessageId: sms.messageId, phone: sms.from, body: sms.text, receivedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ id: smsInbound.id });
    if (!inbound) return "duplicate";
    if (!(await hitRateLimit(tx, phoneBucket(sms.from), PHONE_RATE_LIMIT, ctx.now)).allowed) return "rate_limited";
    const answer = await answerReply(tx, sms.from, sms.text, ctx);
    if (!answer) return "ignored";
    if (answer.dossierId) await tx.update(smsInbound).set({ dossierId: answer.dossierId }).where(eq(smsInbound.id, inbound.id));
    await tx
      .insert(smsOutbox)
      .values({ dedupeKey: `reply:${inbound.id}`, phone: sms.from, body: renderAnswer(answer), dossierId: answer.dossierId })
      .onConflictDoNothing();
    return "answered";
  });
}
