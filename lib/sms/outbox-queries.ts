import { count, desc, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { smsInbound, smsOutbox } from "../db/schema";

const INBOX_LIMIT = 100;

export interface OutboxMessage {
  id: number;
  body: string;
  status: (typeof smsOutbox.$inferSelect)["status"];
  createdAt: Date;
  sentAt: Date | null;
}

/** One phone's messages, newest first, as the simulator's inbox shows them. */
export async function messagesForPhone(db: Executor, phone: string): Promise<OutboxMessage[]> {
  return db
    .select({ id: smsOutbox.id, body: smsOutbox.body, status: smsOutbox.status, createdAt: smsOutbox.createdAt, sentAt: smsOutbox.sentAt })
    .from(smsOutbox)
    .where(eq(smsOutbox.phone, phone))
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
    .limit(INBOX_LIMIT);
}

/** Every phone the outbox has written to, with how many messages it holds. */
export async function outboxPhones(db: Executor): Promise<{ phone: string; messages: number }[]> {
  return db
    .select({ phone: smsOutbox.phone, messages: count() })
    .from(smsOutbox)
    .groupBy(smsOutbox.phone)
    .orderBy(smsOutbox.phone);
}

export interface InboundMessage {
  id: number;
  body: string;
  receivedAt: Date;
}

/** What one phone replied, newest first: the other half of the simulator's conversation. */
export async function repliesFromPhone(db: Executor, phone: string): Promise<InboundMessage[]> {
  return db
    .select({ id: smsInbound.id, body: smsInbound.body, receivedAt: smsInbound.receivedAt })
    .from(smsInbound)
    .where(eq(smsInbound.phone, phone))
    .orderBy(desc(smsInbound.id))
    .limit(INBOX_LIMIT);
}
