import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, officers, onestopLinks, onestopOutbox, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { performOfficerAction } from "../dossiers/officer-actions";
import { createHttpOneStop } from "./http-adapter";
import { oneStopOutboxHealth, syncToOneStop } from "./outbox";
import { openConflicts, receiveOneStopStatus, resolveConflict } from "./inbound";
import { reconcileWithOneStop } from "./reconcile";
import { oneStopStartupWarning, parseOneStopConfig } from "./config";
import * as clock from "../clock";

const URL_ = "https://mot-cua.example.test";
const TODAY = clock.today();
const ORIGIN = "https://dvc.example.vn";
// Sync times run ahead of the wall clock, so rows queued during the tests are always due; set once each
// database is seeded, as seeding one database can take longer than that minute on a busy machine.
let T0 = clock.now();
const later = (ms: number) => new Date(T0.getTime() + ms);

// The One-Stop system as msw plays it: it files a dossier once per Idempotency-Key and numbers receipts.
const filed = new Map<string, { id: string; receiptNo: string }>();
const requests: { key: string | null; auth: string | null; body: { dossierCode: string } }[] = [];
let receipts = 0;
const oneStop = http.post(`${URL_}/api/dossiers`, async ({ request }) => {
  const key = request.headers.get("idempotency-key");
  const body = (await request.json()) as { dossierCode: string };
  requests.push({ key, auth: request.headers.get("authorization"), body });
  const known = key ? filed.get(key) : undefined;
  if (known) return HttpResponse.json(known, { status: 201 });
  const record = { id: randomUUID(), receiptNo: `000.00.48.H17-TEST-${++receipts}` };
  if (key) filed.set(key, record);
  return HttpResponse.json(record, { status: 201 });
});
// Factories: a `once` handler stays used, and each database kind runs the tests again.
const busyOnce = () => http.post(`${URL_}/api/dossiers`, () => new HttpResponse("busy", { status: 503 }), { once: true });
// Files the dossier, then the answer is lost on the way back: the case an idempotency key exists for.
const answerLostOnce = () => http.post(
  `${URL_}/api/dossiers`,
  async ({ request }) => {
    const key = request.headers.get("idempotency-key")!;
    requests.push({ key, auth: request.headers.get("authorization"), body: (await request.json()) as { dossierCode: string } });
    filed.set(key, { id: randomUUID(), receiptNo: `000.00.48.H17-TEST-${++receipts}` });
    return HttpResponse.error();
  },
  { once: true },
);

// Where each record stands on the One-Stop side, as its status lookup answers; and who asked.
const latest = new Map<string, { eventId: string; status: string; officer?: string }>();
const lookups: string[] = [];
const statusLookup = http.get(`${URL_}/api/dossiers/:id`, ({ params, request }) => {
  if (request.headers.get("authorization") !== "Bearer onestop-test-key") return new HttpResponse(null, { status: 401 });
  const id = String(params.id);
  lookups.push(id);
  return HttpResponse.json({ id, latest: latest.get(id) ?? null });
});
// A resubmission updates the record it names, once per Idempotency-Key; an unknown record is a 404.
const supplements: { id: string; key: string | null; dossierCode: string }[] = [];
const supplement = http.post(`${URL_}/api/dossiers/:id/supplement`, async ({ params, request }) => {
  const id = String(params.id);
  const record = [...filed.values()].find((r) => r.id === id);
  if (!record) return HttpResponse.json({ error: "not found" }, { status: 404 });
  supplements.push({ id, key: request.headers.get("idempotency-key"), dossierCode: ((await request.json()) as { dossierCode: string }).dossierCode });
  return HttpResponse.json(record, { status: 200 });
});
const lookupDown = () => http.get(`${URL_}/api/dossiers/:id`, () => new HttpResponse("maintenance", { status: 503 }));

const server = setupServer(oneStop, statusLookup, supplement);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
  lookups.length = 0;
  supplements.length = 0;
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const adapter = createHttpOneStop({ url: URL_, apiKey: "onestop-test-key", timeoutMs: 1000 });

describe.each(await testDatabaseKinds())("One-Stop sync on $name", ({ open }) => {
  let t: TestDatabase;
  const dossierOf = async (service: string, owner?: string) =>
    (await t.db.select().from(dossiers).where(and(eq(dossiers.serviceCode, service), owner ? eq(dossiers.ownerId, owner) : undefined)))[0]!;
  const confirm = async (citizen: string, service: string, input: Record<string, unknown>) => {
    const d = await dossierOf(service, citizen);
    const r = await performCitizenAction(t.db, citizen, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input, consent: true });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
    return d;
  };
  const outboxOf = async (dossierId: string) => t.db.select().from(onestopOutbox).where(eq(onestopOutbox.dossierId, dossierId)).orderBy(onestopOutbox.id);
  const stepsTo = async (dossierId: string, status: string) =>
    t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.toStatus, status)));
  const officerAct = async (officer: { username: string; agency: string; commune?: string | null }, code: string, action: string, note?: string) => {
    const d = (await t.db.select().from(dossiers).where(eq(dossiers.code, code)))[0]!;
    return performOfficerAction(t.db, officer, { dossierCode: code, version: d.version, action, note }, { origin: ORIGIN, today: TODAY });
  };
  const resubmit = async (citizen: string, code: string) => {
    const d = (await t.db.select().from(dossiers).where(eq(dossiers.code, code)))[0]!;
    const r = await performCitizenAction(t.db, citizen, "confirm", { dossierCode: code, version: d.version, idempotencyKey: randomUUID(), input: {}, consent: true, note: "Đã bổ sung" });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
  };
  const deskOf = async (username: string) => (await t.db.select({ username: officers.username, agency: officers.agency, commune: officers.commune }).from(officers).where(eq(officers.username, username)))[0]!;

  beforeAll(async () => {
    // Each database numbers its events from 1 again: the same idempotency keys must meet a fresh One-Stop.
    filed.clear();
    latest.clear();
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
    T0 = new Date(clock.now().getTime() + 60_000);
  });
  afterAll(async () => t?.close());

  it("queues the submission with the dossier, retries a busy One-Stop after the backoff, and stores its receipt", async () => {
    const badge = await confirm(demoPersonas.dung, "transport-badge-renewal", { delivery: "centre" });
    expect(await outboxOf(badge.id)).toMatchObject([{ status: "pending", attempts: 0 }]);
    server.use(busyOnce());
    expect(await syncToOneStop(t.db, adapter, { now: T0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    // Not before the backoff (30 s for a first retry).
    expect(await syncToOneStop(t.db, adapter, { now: later(20_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await syncToOneStop(t.db, adapter, { now: later(31_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(requests.map((r) => r.body.dossierCode)).toEqual([badge.code]);
    expect(requests[0]!.auth).toBe("Bearer onestop-test-key");
    const [link] = await t.db.select().from(onestopLinks).where(eq(onestopLinks.dossierId, badge.id));
    expect(link!.receiptNo).toMatch(/^000\.00\.48\.H17-TEST-/);
    // The officer's "received" takes the One-Stop system's number, not ours.
    const received = await performOfficerAction(t.db, { username: "vantai", agency: "vantai" }, { dossierCode: badge.code, version: badge.version + 1, action: "receive" }, { origin: ORIGIN });
    expect(received).toMatchObject({ ok: true, status: "received" });
    expect((await dossierOf("transport-badge-renewal")).receiptNo).toBe(link!.receiptNo);
    const [sms] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, `event:${(await stepsTo(badge.id, "received"))[0]!.id}`));
    expect(sms!.body).toContain(`da duoc tiep nhan, so bien nhan ${link!.receiptNo}. Hen tra ket qua`);
  });

  it("files a dossier once when the answer is lost: the retry carries the same key", async () => {
    const card = await confirm(demoPersonas.cuc, "medical-licence-renewal", { delivery: "digital" });
    server.use(answerLostOnce());
    expect(await syncToOneStop(t.db, adapter, { now: later(60_000) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await syncToOneStop(t.db, adapter, { now: later(120_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(requests).toHaveLength(2);
    expect(requests[0]!.key).toBe(requests[1]!.key);
    const [row] = await outboxOf(card.id);
    expect(filed.get(row!.idempotencyKey)).toBeDefined();
    expect(new Set([...filed.keys()].filter((k) => k === row!.idempotencyKey)).size).toBe(1);
    const [link] = await t.db.select().from(onestopLinks).where(eq(onestopLinks.dossierId, card.id));
    expect(link!.onestopId).toBe(filed.get(row!.idempotencyKey)!.id);
  });

  it("sends each submission once when two instances sync at the same time", async () => {
    const vet = await confirm(demoPersonas.hai, "veterinary-cert-renewal", { delivery: "post" });
    const reports = await Promise.all([syncToOneStop(t.db, adapter, { now: later(180_000) }), syncToOneStop(t.db, adapter, { now: later(180_000) })]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(requests.filter((r) => r.body.dossierCode === vet.code)).toHaveLength(1);
  });

  it("applies a status our lifecycle allows, once, and shows a conflicting one to the officer without applying it", async () => {
    const badge = await dossierOf("transport-badge-renewal");
    const [link] = await t.db.select().from(onestopLinks).where(eq(onestopLinks.dossierId, badge.id));
    const callback = (eventId: string, status: string, extra: Record<string, unknown> = {}) =>
      receiveOneStopStatus(t.db, { eventId, onestopId: link!.onestopId, dossierCode: badge.code, status, officer: "mc-01", ...extra }, { today: TODAY, origin: ORIGIN });

    expect(await callback("ev-1", "processing")).toEqual({ kind: "recorded", outcome: "applied", duplicate: false });
    expect(await callback("ev-1", "processing")).toEqual({ kind: "recorded", outcome: "applied", duplicate: true });
    const processing = await dossierOf("transport-badge-renewal");
    expect(processing.status).toBe("processing");
    const steps = await t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, badge.id), eq(dossierEvents.toStatus, "processing")));
    expect(steps).toMatchObject([{ actorKind: "officer", actorId: "onestop:mc-01" }]);

    // The One-Stop system says "received" again: behind ours, so it is a conflict, and nothing changes.
    expect(await callback("ev-2", "received")).toEqual({ kind: "recorded", outcome: "conflict", duplicate: false });
    expect(await callback("ev-3", "processing")).toEqual({ kind: "recorded", outcome: "in_sync", duplicate: false });
    expect((await dossierOf("transport-badge-renewal")).version).toBe(processing.version);
    const conflicts = await openConflicts(t.db, badge.id);
    expect(conflicts).toMatchObject([{ eventId: "ev-2", status: "received", detail: "ours=processing" }]);
    expect(await resolveConflict(t.db, { username: "vantai", agency: "vantai" }, badge.code, "ev-2")).toBe("resolved");
    expect(await openConflicts(t.db, badge.id)).toEqual([]);
    expect((await dossierOf("transport-badge-renewal")).status).toBe("processing");

    // A record we do not know (yet) is refused, so the sender retries; bad input changes nothing.
    expect(await callback("ev-4", "approved", { onestopId: "someone-else" })).toEqual({ kind: "unknown" });
    expect(await callback("ev-5", "archived")).toMatchObject({ kind: "invalid" });
  });
  // Reconciliation: links were made at T0..T0+3 min; an hour on, every undecided dossier is quiet.
  const QUIET = 10 * 60_000;
  const hours = (h: number) => later(h * 3_600_000);
  const linkOf = async (dossierId: string) => (await t.db.select().from(onestopLinks).where(eq(onestopLinks.dossierId, dossierId)))[0]!;
  const reconcile = (now: Date) => reconcileWithOneStop(t.db, adapter, { today: TODAY, origin: ORIGIN, now, quietMs: QUIET });

  it("finds a status whose callback was lost, applies it once, and a late callback changes nothing", async () => {
    const card = await dossierOf("medical-licence-renewal");
    const link = await linkOf(card.id);
    latest.set(link.onestopId, { eventId: "lost-1", status: "received", officer: "mc-02" });

    expect(await reconcile(hours(1))).toMatchObject({ applied: 1, conflicts: 0, unreachable: 0 });
    const received = await dossierOf("medical-licence-renewal");
    expect(received.status).toBe("received");
    expect(received.receiptNo).toBe(link.receiptNo);
    expect(await stepsTo(card.id, "received")).toMatchObject([{ actorKind: "officer", actorId: "onestop:mc-02" }]);
    expect(lookups).toContain(link.onestopId);

    // Just asked: not again until it has been quiet for a while.
    lookups.length = 0;
    expect(await reconcile(hours(1))).toEqual({ checked: 0, applied: 0, conflicts: 0, unreachable: 0 });
    expect(lookups).toEqual([]);
    // The lost callback turns up after all, then the next poll sees the same event: one step in all.
    const late = await receiveOneStopStatus(t.db, { eventId: "lost-1", onestopId: link.onestopId, dossierCode: card.code, status: "received" }, { today: TODAY, origin: ORIGIN });
    expect(late).toEqual({ kind: "recorded", outcome: "applied", duplicate: true });
    expect(await reconcile(hours(2))).toMatchObject({ applied: 0, conflicts: 0 });
    expect(await stepsTo(card.id, "received")).toHaveLength(1);
    expect((await dossierOf("medical-licence-renewal")).version).toBe(received.version);
  });

  it("counts a status once when the callback and the poll both bring it", async () => {
    const vet = await dossierOf("veterinary-cert-renewal");
    const link = await linkOf(vet.id);
    const callback = { eventId: "both-1", onestopId: link.onestopId, dossierCode: vet.code, status: "received" };
    expect(await receiveOneStopStatus(t.db, callback, { today: TODAY, origin: ORIGIN, now: hours(2) })).toMatchObject({ outcome: "applied", duplicate: false });
    latest.set(link.onestopId, { eventId: "both-1", status: "received" });
    expect(await reconcile(hours(3))).toMatchObject({ applied: 0, conflicts: 0, unreachable: 0 });
    expect(lookups).toContain(link.onestopId);
    expect(await stepsTo(vet.id, "received")).toHaveLength(1);
    expect(await openConflicts(t.db, vet.id)).toEqual([]);
  });

  it("shows a conflicting status found by the poll to the officer and does not apply it", async () => {
    const badge = await dossierOf("transport-badge-renewal");
    expect(badge.status).toBe("processing");
    latest.set((await linkOf(badge.id)).onestopId, { eventId: "poll-conflict-1", status: "received" });
    expect(await reconcile(hours(4))).toMatchObject({ applied: 0, conflicts: 1 });
    expect(await dossierOf("transport-badge-renewal")).toMatchObject({ status: "processing", version: badge.version });
    expect(await openConflicts(t.db, badge.id)).toMatchObject([{ eventId: "poll-conflict-1", status: "received", detail: "ours=processing" }]);
  });

  it("changes nothing while the One-Stop system is down, and asks again after the quiet spell", async () => {
    const card = await dossierOf("medical-licence-renewal");
    latest.set((await linkOf(card.id)).onestopId, { eventId: "lost-2", status: "processing" });
    server.use(lookupDown());
    const down = await reconcile(hours(5));
    expect(down).toMatchObject({ checked: 0, applied: 0, conflicts: 0 });
    expect(down.unreachable).toBeGreaterThan(0);
    expect(await dossierOf("medical-licence-renewal")).toMatchObject({ status: "received", version: card.version });

    server.resetHandlers();
    expect(await reconcile(new Date(hours(5).getTime() + QUIET / 2))).toMatchObject({ checked: 0, applied: 0 });
    expect(await reconcile(new Date(hours(5).getTime() + QUIET))).toMatchObject({ applied: 1, unreachable: 0 });
    expect((await dossierOf("medical-licence-renewal")).status).toBe("processing");
    expect(await stepsTo(card.id, "processing")).toHaveLength(1);
  });

  it("asks about each dossier once when two instances reconcile at the same time", async () => {
    const reports = await Promise.all([reconcile(hours(7)), reconcile(hours(7))]);
    expect(reports[0].checked + reports[1].checked).toBeGreaterThan(0);
    expect(reports[0].checked + reports[1].checked).toBe(lookups.length);
    expect(new Set(lookups).size).toBe(lookups.length);
  });

  it("files a resubmission after a request for information as an update of the linked record, so its statuses keep arriving", async () => {
    const support = await confirm(demoPersonas.em, "poor-household-support", { delivery: "centre" });
    expect(await syncToOneStop(t.db, adapter, { now: hours(10) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const link = await linkOf(support.id);
    const xahoi = { username: "xahoi", agency: "xahoi" };
    expect(await officerAct(xahoi, support.code, "receive")).toMatchObject({ ok: true });
    expect(await officerAct(xahoi, support.code, "request_info", "Bổ sung giấy xác nhận thu nhập")).toMatchObject({ ok: true, status: "needs_info" });
    await resubmit(demoPersonas.em, support.code);
    requests.length = 0;

    expect(await syncToOneStop(t.db, adapter, { now: later(10 * 3_600_000 + 60_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [, again] = await outboxOf(support.id);
    expect(requests).toEqual([]);
    expect(supplements).toEqual([{ id: link.onestopId, key: again!.idempotencyKey, dossierCode: support.code }]);
    expect(await linkOf(support.id)).toMatchObject({ onestopId: link.onestopId, receiptNo: link.receiptNo });
    // The record's next status reaches the dossier: the record is the one we know.
    const next = { eventId: "after-supplement-1", onestopId: link.onestopId, dossierCode: support.code, status: "received" };
    expect(await receiveOneStopStatus(t.db, next, { today: TODAY, origin: ORIGIN })).toMatchObject({ kind: "recorded", outcome: "applied" });
    expect((await dossierOf("poor-household-support")).status).toBe("received");
  });

  it("holds a resubmission queued before the first submission was filed until it is, then updates that record", async () => {
    // Not connected (or down) while the officer receives, asks for information and the citizen answers.
    const birth = await confirm(demoPersonas.an, "birth-registration", { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" });
    const hotich = await deskOf("hotich");
    expect(await officerAct(hotich, birth.code, "receive")).toMatchObject({ ok: true, status: "received" });
    // The "received" SMS has no number to give yet, so it names none rather than a blank one.
    const [received] = await stepsTo(birth.id, "received");
    const [sms] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, `event:${received!.id}`));
    expect(sms!.body).toMatch(new RegExp(`^DVC Da Nang: Ho so ${birth.code} da duoc tiep nhan\\. Hen tra ket qua \\d\\d/\\d\\d/\\d{4}\\. Ma doi chieu \\d+$`));
    expect(await officerAct(hotich, birth.code, "request_info", "Bổ sung giấy chứng sinh")).toMatchObject({ ok: true });
    await resubmit(demoPersonas.an, birth.code);
    expect(await outboxOf(birth.id)).toMatchObject([{ status: "pending" }, { status: "pending" }]);

    server.use(busyOnce());
    const at = hours(11).getTime();
    expect(await syncToOneStop(t.db, adapter, { now: new Date(at) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(supplements).toEqual([]);
    expect(await syncToOneStop(t.db, adapter, { now: new Date(at + 31_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await syncToOneStop(t.db, adapter, { now: new Date(at + 32_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const link = await linkOf(birth.id);
    expect(requests.map((r) => r.body.dossierCode)).toEqual([birth.code]);
    expect(supplements.map((r) => r.id)).toEqual([link.onestopId]);
    expect((await dossierOf("birth-registration", demoPersonas.an)).receiptNo).toBe(link.receiptNo);
  });

  it("lets only a desk whose queue shows the dossier resolve its One-Stop conflict: not another commune's", async () => {
    const birth = await dossierOf("birth-registration", demoPersonas.an);
    const link = await linkOf(birth.id);
    const conflict = { eventId: "desk-conflict-1", onestopId: link.onestopId, dossierCode: birth.code, status: "approved" };
    expect(await receiveOneStopStatus(t.db, conflict, { today: TODAY, origin: ORIGIN })).toMatchObject({ outcome: "conflict" });
    const hoaVang = await deskOf("hotich.hoavang");
    expect(hoaVang.commune).not.toBe((await deskOf("hotich")).commune);
    expect(await resolveConflict(t.db, hoaVang, birth.code, "desk-conflict-1")).toBe("not_found");
    expect(await resolveConflict(t.db, { username: "yte", agency: "yte" }, birth.code, "desk-conflict-1")).toBe("not_found");
    expect(await openConflicts(t.db, birth.id)).toHaveLength(1);
    expect(await resolveConflict(t.db, await deskOf("hotich"), birth.code, "desk-conflict-1")).toBe("resolved");
    expect(await resolveConflict(t.db, await deskOf("hotich"), birth.code, "desk-conflict-1")).toBe("not_open");
  });

  it("queues by the app's clock, so a simulated day behind the database's is due at once", async () => {
    const simulated = new Date(clock.now().getTime() - 2 * 86_400_000);
    vi.spyOn(clock, "now").mockReturnValue(simulated);
    const card = await confirm(demoPersonas.giang, "tour-guide-card-renewal", { cardType: "international", delivery: "post" });
    expect(await outboxOf(card.id)).toMatchObject([{ nextAttemptAt: simulated, createdAt: simulated }]);
    expect(await syncToOneStop(t.db, adapter, { now: clock.now() })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await linkOf(card.id)).toMatchObject({ linkedAt: simulated, checkedAt: simulated });
  });

  it("tells the IOC how many submissions wait and since when, in counts only", async () => {
    expect(await oneStopOutboxHealth(t.db)).toEqual({ waiting: 0, failed: 0, waitingSince: null });
    const badge = await dossierOf("transport-badge-renewal");
    const queued = new Date("2026-03-02T01:30:00Z");
    await t.db.insert(onestopOutbox).values([
      { dossierId: badge.id, idempotencyKey: "health-waiting-1", createdAt: queued, nextAttemptAt: queued },
      { dossierId: badge.id, idempotencyKey: "health-waiting-2", status: "sending", createdAt: later(0), nextAttemptAt: later(0) },
      { dossierId: badge.id, idempotencyKey: "health-failed", status: "failed", createdAt: new Date("2026-01-01T00:00:00Z"), nextAttemptAt: later(0) },
    ]);
    expect(await oneStopOutboxHealth(t.db)).toEqual({ waiting: 2, failed: 1, waitingSince: queued });
  });
});

describe("One-Stop not connected", () => {
  const origin = { APP_ORIGIN: "https://dvc.danang.gov.vn" };

  it("keeps submissions in the outbox and warns at start-up, outside demo mode, when ONESTOP_URL is unset", () => {
    const config = parseOneStopConfig({}, { ...origin, DEMO_MODE: false });
    expect(config).toBeUndefined();
    expect(oneStopStartupWarning(config)).toMatch(/^ONESTOP_URL is not set: submitted dossiers wait in the One-Stop outbox/);
  });

  it("says nothing when it is set, or in demo mode (the mock stands in)", () => {
    expect(oneStopStartupWarning(parseOneStopConfig({ ONESTOP_URL: URL_, ONESTOP_API_KEY: "onestop-test-key" }, { ...origin, DEMO_MODE: false }))).toBeUndefined();
    expect(oneStopStartupWarning(parseOneStopConfig({}, { APP_ORIGIN: "http://localhost:3210", DEMO_MODE: true }))).toBeUndefined();
  });
});
