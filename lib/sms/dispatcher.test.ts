import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../db/client";
import { smsOutbox } from "../db/schema";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld } from "../gov/demo-world";
import { scan } from "../engine/scan";
import type { SendResult, SmsGateway, SmsMessage } from "./gateway";
import { backoffMs, dispatchDue, outboxStatus } from "./dispatcher";

const TODAY = "2026-11-23";
const T0 = new Date("2026-11-23T02:00:00Z");
const LEASE_MS = 60_000;
const OTHER_INSTANCE = "sms-dispatcher-test";
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A gateway that counts calls per dedupe key and answers with `answer`. */
function countingGateway(answer: (m: SmsMessage) => Promise<SendResult> | SendResult = (m) => ({ ok: true, messageId: `gw-${m.idempotencyKey}` })) {
  const calls = new Map<string, number>();
  const gateway: SmsGateway = {
    name: "counting",
    async send(m) {
      calls.set(m.idempotencyKey, (calls.get(m.idempotencyKey) ?? 0) + 1);
      return answer(m);
    },
  };
  return { gateway, calls };
}

describe.each(await testDatabaseKinds())("SMS dispatcher on $name", ({ name, open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    const report = await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
    expect(report.sms).toBe(8); // seven owners and the newborn's mother
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.db.delete(smsOutbox).where(sql`${smsOutbox.dedupeKey} LIKE 'load:%'`);
    await t.db
      .update(smsOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: T0, lastError: null, gatewayMessageId: null, sentAt: null });
  });
  const rows = () => t.db.select().from(smsOutbox).orderBy(asc(smsOutbox.id));

  it("sends every due message exactly once", async () => {
    const { gateway, calls } = countingGateway();
    expect(await outboxStatus(t.db)).toEqual({ pending: 8, sending: 0, sent: 0, failed: 0 });
    expect(await dispatchDue(t.db, gateway, { now: T0 })).toEqual({ sent: 8, retried: 0, failed: 0 });
    expect(await dispatchDue(t.db, gateway, { now: at(3_600_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: "sent", attempts: 1, sentAt: T0, gatewayMessageId: `gw-${row.dedupeKey}` });
      expect(calls.get(row.dedupeKey)).toBe(1);
    }
    expect(calls.size).toBe(8);
    expect(await outboxStatus(t.db)).toEqual({ pending: 0, sending: 0, sent: 8, failed: 0 });
  });

  it("takes at most batchSize rows per call, oldest first", async () => {
    const { gateway } = countingGateway();
    expect(await dispatchDue(t.db, gateway, { now: T0, batchSize: 3 })).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent", "pending", "pending", "pending", "pending", "pending"]);
  });

  it("backs off exponentially on transient errors and gives up after maxAttempts", async () => {
    const { gateway, calls } = countingGateway(() => ({ ok: false, permanent: false, error: "HTTP 503" }));
    let now = T0;
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await dispatchDue(t.db, gateway, { now })).toEqual({ sent: 0, retried: 8, failed: 0 });
      const next = new Date(now.getTime() + backoffMs(attempt));
      expect(new Set((await rows()).map((r) => `${r.status} ${r.attempts} ${r.nextAttemptAt.toISOString()}`))).toEqual(
        new Set([`pending ${attempt} ${next.toISOString()}`]),
      );
      expect(await dispatchDue(t.db, gateway, { now: new Date(next.getTime() - 1) })).toEqual({ sent: 0, retried: 0, failed: 0 });
      now = next;
    }
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(await dispatchDue(t.db, gateway, { now })).toEqual({ sent: 0, retried: 0, failed: 8 });
    expect(new Set((await rows()).map((r) => `${r.status} ${r.attempts} ${r.lastError}`))).toEqual(new Set(["failed 5 HTTP 503"]));
    expect([...calls.values()]).toEqual(Array(8).fill(5));
  });

  it("fails a message at once on a permanent error", async () => {
    const { gateway } = countingGateway((m) =>
      m.to === "0905000001" ? { ok: false, permanent: true, error: "HTTP 400: bad destination" } : { ok: true, messageId: "ok" },
    );
    expect(await dispatchDue(t.db, gateway, { now: T0 })).toEqual({ sent: 7, retried: 0, failed: 1 });
    const [failed] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.status, "failed"));
    expect(failed).toMatchObject({ phone: "0905000001", attempts: 1, lastError: "HTTP 400: bad destination", sentAt: null });
  });

  it("counts a gateway that throws as a transient failure", async () => {
    const { gateway } = countingGateway(() => Promise.reject(new Error("socket hang up")));
    expect(await dispatchDue(t.db, gateway, { now: T0, batchSize: 1 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: "pending", lastError: "socket hang up" });
  });

  it("after a crash mid-send, picks rows up again only once their lease has expired", async () => {
    // The first dispatcher claims one row, then hangs in the gateway as if its process had died.
    let finishStaleSend!: (r: SendResult) => void;
    const stale = countingGateway(() => new Promise<SendResult>((resolve) => (finishStaleSend = resolve)));
    const crashed = dispatchDue(t.db, stale.gateway, { now: T0, batchSize: 1, leaseMs: LEASE_MS });
    await expect.poll(() => stale.calls.size).toBe(1);
    const [stuckKey] = [...stale.calls.keys()];

    const { gateway, calls } = countingGateway();
    expect(await dispatchDue(t.db, gateway, { now: at(1_000), leaseMs: LEASE_MS })).toEqual({ sent: 7, retried: 0, failed: 0 });
    expect(calls.has(stuckKey!)).toBe(false);
    const [stuck] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, stuckKey!));
    expect(stuck).toMatchObject({ status: "sending", attempts: 1, nextAttemptAt: at(LEASE_MS) });

    expect(await dispatchDue(t.db, gateway, { now: at(LEASE_MS - 1), leaseMs: LEASE_MS })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatchDue(t.db, gateway, { now: at(LEASE_MS), leaseMs: LEASE_MS })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(calls.get(stuckKey!)).toBe(1);

    // The hung dispatcher's late answer must not overwrite the row the second one now owns.
    finishStaleSend({ ok: false, permanent: true, error: "late answer" });
    expect(await crashed).toEqual({ sent: 0, retried: 0, failed: 0 });
    const [done] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, stuckKey!));
    expect(done).toMatchObject({ status: "sent", attempts: 2, gatewayMessageId: `gw-${stuckKey}`, lastError: null });
    expect(await outboxStatus(t.db)).toEqual({ pending: 0, sending: 0, sent: 8, failed: 0 });
  });

  it("gives up on a row whose dispatcher died on its last attempt", async () => {
    await t.db.update(smsOutbox).set({ status: "sending", attempts: 5, lastError: "HTTP 503", nextAttemptAt: at(-1) });
    const { gateway, calls } = countingGateway();
    expect(await dispatchDue(t.db, gateway, { now: T0 })).toEqual({ sent: 0, retried: 0, failed: 8 });
    expect(calls.size).toBe(0);
    expect(new Set((await rows()).map((r) => `${r.status} ${r.lastError}`))).toEqual(new Set(["failed HTTP 503; lease expired with no answer recorded"]));
  });

  it.runIf(name === "postgres")("never sends a row twice when dispatchers run at once", async () => {
    await t.db.execute(sql`
      INSERT INTO sms_outbox (dedupe_key, phone, body, next_attempt_at)
      SELECT 'load:' || n, '0905000001', 'DVC Da Nang: load ' || n, ${T0.toISOString()}::timestamptz FROM generate_series(1, 300) AS n
    `);
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ url: `${t.url}?application_name=${OTHER_INSTANCE}` })));
    try {
      const { gateway, calls } = countingGateway(async (m) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        return { ok: true, messageId: `gw-${m.idempotencyKey}` };
      });
      const sentBy = await Promise.all(
        instances.flatMap((instance) =>
          [1, 2].map(async () => {
            let sent = 0;
            for (;;) {
              const report = await dispatchDue(instance.db, gateway, { now: T0, batchSize: 10 });
              if (report.sent + report.retried + report.failed === 0) return sent;
              sent += report.sent;
            }
          }),
        ),
      );
      expect(sentBy.reduce((a, b) => a + b, 0)).toBe(308);
      expect(sentBy.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(calls.size).toBe(308);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      expect(await outboxStatus(t.db)).toEqual({ pending: 0, sending: 0, sent: 308, failed: 0 });
    } finally {
      await Promise.all(instances.map((i) => i.close()));
      // pool.end() does not wait for the server to let go; dropping the database before then kills live sockets.
      await expect
        .poll(async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${OTHER_INSTANCE}`))[0]?.n)
        .toBe(0);
    }
  });
});
