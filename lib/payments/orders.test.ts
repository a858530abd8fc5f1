import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, payments } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { performOfficerAction } from "../dossiers/officer-actions";
import { applyNotification, ipnAnswers, readReturn, startPayment } from "./orders";
import { settlementQuery } from "./gateway-simulator";
import { signedQuery, singleValued } from "./signature";
import type { PaymentConfig } from "./config";

const TODAY = "2026-11-23";
const ORIGIN = "https://dvc.danang.gov.vn";
const config: PaymentConfig = { secret: "a-merchant-secret-of-at-least-thirty-two-bytes", merchantCode: "CHUDONG1", gatewayUrl: "https://pay.example.vn/pay", simulated: false };
const SERVICE = "tour-guide-card-renewal";
const opts = { origin: ORIGIN, locale: "vi", ip: "203.0.113.7" };
const at = new Date("2026-11-23T03:00:00Z");

describe.each(await testDatabaseKinds())("fees paid online on $name", ({ open }) => {
  let t: TestDatabase;
  const dossier = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, SERVICE)))[0]!;
  const orderOf = (url: string) => singleValued(new URL(url).searchParams)!;
  const notify = (order: Record<string, string>, outcome: "pay" | "cancel" = "pay") =>
    applyNotification(t.db, config, singleValued(new URLSearchParams(settlementQuery(order, outcome, at, config.secret))));
  const start = async () => {
    const result = await startPayment(t.db, config, demoPersonas.giang, (await dossier()).code, opts);
    if (!result.ok) throw new Error(result.error);
    return orderOf(result.url);
  };
  const receive = async () => {
    const d = await dossier();
    return performOfficerAction(t.db, { username: "dulich", agency: "dulich" }, { dossierCode: d.code, version: d.version, action: "receive" }, { origin: ORIGIN, today: TODAY });
  };
  const paidEvents = async () => t.db.$count(dossierEvents, and(eq(dossierEvents.dossierId, (await dossier()).id), eq(dossierEvents.kind, "paid")));

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("asks for no fee before the citizen confirms, and none from someone who is not a party", async () => {
    expect(await startPayment(t.db, config, demoPersonas.giang, (await dossier()).code, opts)).toEqual({ ok: false, error: "not_payable" });
    const d = await dossier();
    const confirmed = await performCitizenAction(t.db, demoPersonas.giang, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input: { cardType: "international", delivery: "post" }, consent: true }, { origin: ORIGIN, today: TODAY });
    expect(confirmed).toMatchObject({ ok: true });
    expect(await startPayment(t.db, config, demoPersonas.an, d.code, opts)).toEqual({ ok: false, error: "not_found" });
  });

  it("keeps one open order however often the citizen taps, for the catalogue's amount, signed for the gateway", async () => {
    const first = await start();
    const again = await start();
    expect(again.vnp_TxnRef).toBe(first.vnp_TxnRef);
    expect(first).toMatchObject({ vnp_Amount: "65000000", vnp_CurrCode: "VND", vnp_TmnCode: "CHUDONG1", vnp_ReturnUrl: `${ORIGIN}/payments/return` });
    expect(await t.db.$count(payments, eq(payments.dossierId, (await dossier()).id))).toBe(1);
  });

  it("does not let the officer receive the dossier before it is paid, and writes nothing when refusing", async () => {
    const before = await dossier();
    expect(await receive()).toEqual({ ok: false, error: "not_paid" });
    expect(await dossier()).toMatchObject({ status: "submitted", version: before.version, receiptNo: null });
  });

  it("refuses a bad signature, an unknown order and a different amount, changing nothing", async () => {
    const order = await start();
    const settled = singleValued(new URLSearchParams(settlementQuery(order, "pay", at, config.secret)))!;
    expect(await applyNotification(t.db, config, { ...settled, vnp_TransactionNo: "1" })).toEqual(ipnAnswers.invalidSignature);
    expect(await applyNotification(t.db, config, undefined)).toEqual(ipnAnswers.invalidSignature);
    const resigned = (fields: Record<string, string>) => {
      const unsigned = Object.fromEntries(Object.entries({ ...settled, ...fields }).filter(([k]) => k !== "vnp_SecureHash"));
      return singleValued(new URLSearchParams(signedQuery(unsigned, config.secret)))!;
    };
    expect(await applyNotification(t.db, config, resigned({ vnp_Amount: "100" }))).toEqual(ipnAnswers.invalidAmount);
    expect(await applyNotification(t.db, config, resigned({ vnp_TxnRef: "0".repeat(18) }))).toEqual(ipnAnswers.orderNotFound);
    expect(await applyNotification(t.db, config, resigned({ vnp_TmnCode: "OTHER" }))).toEqual(ipnAnswers.invalidRequest);
    expect(await t.db.$count(payments, eq(payments.status, "paid"))).toBe(0);
  });

  it("does not take the citizen's return for payment: without the notification the order is still waiting", async () => {
    const order = await start();
    const back = singleValued(new URLSearchParams(settlementQuery(order, "pay", at, config.secret)));
    expect(await readReturn(t.db, config, demoPersonas.giang, back)).toMatchObject({ state: "waiting" });
    expect(await readReturn(t.db, config, demoPersonas.an, back)).toEqual({ state: "invalid" });
    expect(await readReturn(t.db, config, demoPersonas.giang, { ...back!, vnp_ResponseCode: "24" })).toEqual({ state: "invalid" });
    expect(await paidEvents()).toBe(0);
  });

  it("leaves the dossier confirmed and payable after a cancel at the gateway, with a new order next time", async () => {
    const order = await start();
    expect(await notify(order, "cancel")).toEqual(ipnAnswers.confirmed);
    expect((await t.db.select().from(payments).where(eq(payments.orderRef, order.vnp_TxnRef!)))[0]).toMatchObject({ status: "cancelled" });
    expect(await dossier()).toMatchObject({ status: "submitted" });
    expect((await start()).vnp_TxnRef).not.toBe(order.vnp_TxnRef);
  });

  it("marks the order paid once however often the notification comes, then lets the officer receive it", async () => {
    const order = await start();
    const settled = singleValued(new URLSearchParams(settlementQuery(order, "pay", at, config.secret)));
    const answers = await Promise.all([1, 2, 3].map(() => applyNotification(t.db, config, settled)));
    expect(answers.filter((a) => a === ipnAnswers.confirmed)).toHaveLength(1);
    expect(answers.filter((a) => a === ipnAnswers.alreadyConfirmed)).toHaveLength(2);
    expect(await paidEvents()).toBe(1);
    const [paid] = await t.db.select().from(payments).where(eq(payments.status, "paid"));
    expect(paid).toMatchObject({ amountVnd: 650_000, receiptNo: expect.stringMatching(/^BL\d{4}-\d{7}$/) });
    expect(await readReturn(t.db, config, demoPersonas.giang, settled)).toMatchObject({ state: "paid" });
    expect(await startPayment(t.db, config, demoPersonas.giang, (await dossier()).code, opts)).toEqual({ ok: false, error: "already_paid" });
    expect(await receive()).toMatchObject({ ok: true, status: "received" });
  });
});
