import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { smsOutbox } from "../db/schema";
import { createHttpGateway } from "./http-gateway";
import { dispatchDue, outboxStatus } from "./dispatcher";

const PROVIDER_URL = "https://sms-provider.example.test/v1/messages";
const TOKEN = "provider-token-for-tests";
const T0 = new Date("2026-11-23T02:00:00Z");
const message = { to: "0905000001", body: "DVC Da Nang: thu nghiem", idempotencyKey: "prepared:test-1" };

const received: { auth: string | null; body: unknown }[] = [];
const accept = http.post(PROVIDER_URL, async ({ request }) => {
  received.push({ auth: request.headers.get("authorization"), body: await request.json() });
  return HttpResponse.json({ id: `prov-${received.length}` }, { status: 201 });
});
const answer = (status: number, text = "") => http.post(PROVIDER_URL, () => new HttpResponse(text, { status }), { once: true });

const server = setupServer(accept);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  received.length = 0;
});
afterAll(() => server.close());

const gateway = createHttpGateway({ url: PROVIDER_URL, token: TOKEN, timeoutMs: 200 });

describe("HTTP SMS gateway", () => {
  it("posts {to, text, clientRef} with the bearer token and returns the provider's id", async () => {
    expect(await gateway.send(message)).toEqual({ ok: true, messageId: "prov-1" });
    expect(received).toEqual([
      { auth: `Bearer ${TOKEN}`, body: { to: "0905000001", text: "DVC Da Nang: thu nghiem", clientRef: "prepared:test-1" } },
    ]);
  });

  it.each([500, 502, 503, 408, 429])("treats HTTP %i as transient", async (status) => {
    server.use(answer(status));
    expect(await gateway.send(message)).toEqual({ ok: false, permanent: false, error: `HTTP ${status}` });
  });

  it.each([400, 401, 403, 404, 422])("treats HTTP %i as permanent", async (status) => {
    server.use(answer(status, "rejected"));
    expect(await gateway.send(message)).toEqual({ ok: false, permanent: true, error: `HTTP ${status}: rejected` });
  });

  it("keeps phone numbers out of the error it reports", async () => {
    server.use(answer(400, '{"error":"invalid destination +84905000001 / 0905 000 001"}'));
    const result = await gateway.send(message);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/905/);
  });

  it("treats a timeout as transient", async () => {
    server.use(
      http.post(PROVIDER_URL, async () => {
        await delay(2_000);
        return HttpResponse.json({ id: "too-late" });
      }),
    );
    expect(await gateway.send(message)).toEqual({ ok: false, permanent: false, error: "timed out after 200 ms" });
  });

  it("treats a network error as transient", async () => {
    server.use(http.post(PROVIDER_URL, () => HttpResponse.error()));
    expect(await gateway.send(message)).toMatchObject({ ok: false, permanent: false, error: expect.stringMatching(/^network error/) });
  });

  it("treats a 2xx without a message id as transient, since the provider de-duplicates a resend", async () => {
    server.use(http.post(PROVIDER_URL, () => HttpResponse.json({ queued: true }), { once: true }));
    expect(await gateway.send(message)).toMatchObject({ ok: false, permanent: false });
  });
});

describe("HTTP SMS gateway behind the dispatcher", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dir: "memory://" });
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.delete(smsOutbox);
    await database.db.insert(smsOutbox).values({ dedupeKey: message.idempotencyKey, phone: message.to, body: message.body, nextAttemptAt: T0 });
  });
  const row = async () => (await database.db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, message.idempotencyKey)))[0]!;

  it("retries a 5xx later with backoff, then records the provider's id", async () => {
    server.use(answer(503, "busy"));
    expect(await dispatchDue(database.db, gateway, { now: T0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 503: busy", nextAttemptAt: new Date(T0.getTime() + 30_000) });

    expect(await dispatchDue(database.db, gateway, { now: new Date(T0.getTime() + 29_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const later = new Date(T0.getTime() + 31_000);
    expect(await dispatchDue(database.db, gateway, { now: later })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await row()).toMatchObject({ status: "sent", attempts: 2, sentAt: later, gatewayMessageId: "prov-1" });
    expect(received).toHaveLength(1);
  });

  it("fails a message the provider rejects for good, and the operations view shows it", async () => {
    server.use(answer(422, "unknown destination"));
    expect(await dispatchDue(database.db, gateway, { now: T0 })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row()).toMatchObject({ status: "failed", attempts: 1, lastError: "HTTP 422: unknown destination", sentAt: null });
    expect(await outboxStatus(database.db)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 1 });
    expect(await dispatchDue(database.db, gateway, { now: new Date(T0.getTime() + 3_600_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("reschedules a message whose send timed out", async () => {
    server.use(
      http.post(PROVIDER_URL, async () => {
        await delay(2_000);
        return HttpResponse.json({ id: "too-late" });
      }),
    );
    expect(await dispatchDue(database.db, gateway, { now: T0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ status: "pending", lastError: "timed out after 200 ms", nextAttemptAt: new Date(T0.getTime() + 30_000) });
    expect(await outboxStatus(database.db)).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0 });
  });
});
