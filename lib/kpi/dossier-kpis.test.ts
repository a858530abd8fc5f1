import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { officerQueue } from "../db/officer-queries";
import { scan } from "../engine/scan";
import { dispatchDue } from "../sms/dispatcher";
import type { SmsGateway } from "../sms/gateway";
import { respondAsOtherParent } from "../dossiers/objections";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { performOfficerAction, type OfficerAction } from "../dossiers/officer-actions";
import { rateDossier } from "../dossiers/ratings";
import type { Status } from "../dossiers/status";
import { catalogue, getService } from "../services/catalogue";
import { addDays } from "../dates";
import { dossierKpis, emptyCounts, type DossierKpis } from "./dossier-kpis";
import { operationsReport } from "./operations-report";
import { communesWithDossiers } from "./communes";
import { kpiRates } from "./rates";
import * as clock from "../clock";
import { payThroughSimulator } from "../payments/gateway-simulator";

const paymentTestConfig = { secret: "a-merchant-secret-of-at-least-thirty-two-bytes", merchantCode: "CHUDONG1", gatewayUrl: "https://pay.example.vn/pay", simulated: false };

// The real functions stamp now() and count SLAs from the real date, so the log is built around it.
const TODAY = clock.today();
const LATER = addDays(TODAY, 60);
const ORIGIN = "https://dvc.example.vn";
const HAI_CHAU = "Phường Hải Châu";

// Hải's phone is unreachable: his "prepared" SMS fails, so he counts as prepared but not notified.
const gateway: SmsGateway = {
  name: "test",
  async send({ to, idempotencyKey }) {
    return to === "0905000007" ? { ok: false, permanent: true, error: "unreachable" } : { ok: true, messageId: idempotencyKey };
  },
};

describe.each(await testDatabaseKinds())("operations KPIs on $name", ({ open }) => {
  let t: TestDatabase;
  let beforeHistory: DossierKpis;
  const dossierOf = async (service: string) => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;

  const confirm = async (citizen: string, service: string, input: Record<string, unknown>) => {
    const d = await dossierOf(service);
    const r = await performCitizenAction(t.db, citizen, "confirm", {
      dossierCode: d.code,
      version: d.version,
      idempotencyKey: randomUUID(),
      input,
      consent: true,
    });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
  };

  const officer = async (service: string, ...actions: OfficerAction[]) => {
    const agency = getService(service).agency.code;
    for (const action of actions) {
      const d = await dossierOf(service);
      const note = action === "reject" ? "Hộ đã chuyển khỏi phường" : undefined;
      const r = await performOfficerAction(t.db, { username: agency, agency }, { dossierCode: d.code, version: d.version, action, note }, { origin: ORIGIN, today: TODAY });
      expect(r).toMatchObject({ ok: true });
    }
  };

  /**
   * A dossier handled before today. The real functions stamp now() and the log refuses edits, so
   * history with days between its steps is appended as rows carrying their own times.
   */
  const appendHistory = async (h: { service: string; owner: string; phone: string; delivery: string; slaDue: string; smsSent: boolean; steps: [Status, string][] }) => {
    const at = (date: string) => new Date(`${date}T09:00:00+07:00`);
    const last = h.steps[h.steps.length - 1]!;
    const [dossier] = await t.db
      .insert(dossiers)
      .values({
        serviceCode: h.service,
        ownerId: h.owner,
        subjectKey: `history-${h.service}`,
        triggerPeriod: h.steps[0]![1],
        status: last[0],
        reason: {},
        prefilled: {},
        citizenData: { delivery: h.delivery },
        confirmDeadline: addDays(h.steps[0]![1], 30),
        slaDueDate: h.slaDue,
      })
      .returning({ id: dossiers.id });
    await t.db.insert(dossierEvents).values(
      h.steps.map(([status, date], i) => ({
        dossierId: dossier!.id,
        kind: "status" as const,
        fromStatus: i === 0 ? null : h.steps[i - 1]![0],
        toStatus: status,
        actorKind: status === "prepared" ? ("engine" as const) : status === "submitted" ? ("citizen" as const) : ("officer" as const),
        at: at(date),
      })),
    );
    if (h.smsSent) {
      await t.db.insert(smsOutbox).values({ dedupeKey: `prepared:${dossier!.id}`, phone: h.phone, body: "DVC Da Nang", dossierId: dossier!.id, status: "sent", sentAt: at(h.steps[0]![1]) });
    }
  };

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
    await dispatchDue(t.db, gateway, { batchSize: 50 });

    await confirm(demoPersonas.an, "birth-registration", { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" });
    const birth = await dossierOf("birth-registration");
    expect(await respondAsOtherParent(t.db, demoPersonas.binh, { dossierCode: birth.code, answer: "agree" }, { today: TODAY })).toEqual({ ok: true });
    await officer("birth-registration", "receive", "approve", "deliver");
    await confirm(demoPersonas.dung, "transport-badge-renewal", { delivery: "centre" });
    await officer("transport-badge-renewal", "receive", "approve", "deliver");
    await confirm(demoPersonas.cuc, "medical-licence-renewal", { delivery: "digital" });
    await officer("medical-licence-renewal", "receive");
    await confirm(demoPersonas.giang, "tour-guide-card-renewal", { delivery: "post" });
    const [guideCard] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "tour-guide-card-renewal"));
    await payThroughSimulator(t.db, paymentTestConfig, demoPersonas.giang, guideCard!.code, clock.now());
    await officer("tour-guide-card-renewal", "receive");
    await confirm(demoPersonas.hai, "veterinary-cert-renewal", { delivery: "post" });
    await confirm(demoPersonas.em, "poor-household-support", { delivery: "centre" });
    await officer("poor-household-support", "reject");
    // Nobody confirms the school place: a reminder goes out, then it expires after its deadline.
    await scan(t.db, { today: addDays(TODAY, 20), origin: ORIGIN });
    await scan(t.db, { today: addDays(TODAY, 26), origin: ORIGIN });

    expect(await rateDossier(t.db, demoPersonas.an, { dossierCode: (await dossierOf("birth-registration")).code, score: 5 })).toEqual({ ok: true });
    expect(await rateDossier(t.db, demoPersonas.dung, { dossierCode: (await dossierOf("transport-badge-renewal")).code, score: 3 })).toEqual({ ok: true });

    beforeHistory = await dossierKpis(t.db, { today: TODAY });

    // Last month: a badge renewal, texted, took 10 days from preparation to result and was 6 days late;
    // a medical licence renewal, never texted, took 4 days and was on time.
    const day = (n: number) => addDays(TODAY, n);
    await appendHistory({
      service: "transport-badge-renewal",
      owner: demoPersonas.dung,
      phone: "0905000004",
      delivery: "centre",
      slaDue: day(-26),
      smsSent: true,
      steps: [["prepared", day(-30)], ["submitted", day(-28)], ["received", day(-28)], ["approved", day(-20)], ["delivered", day(-19)]],
    });
    await appendHistory({
      service: "medical-licence-renewal",
      owner: demoPersonas.cuc,
      phone: "0905000003",
      delivery: "digital",
      slaDue: day(-30),
      smsSent: false,
      steps: [["prepared", day(-40)], ["submitted", day(-39)], ["received", day(-39)], ["approved", day(-36)]],
    });
  });
  afterAll(async () => t?.close());

  it("counts what the engine, citizens and officers did today", () => {
    expect(beforeHistory.totals).toMatchObject({ prepared: 7, notified: 6, confirmed: 6, expired: 1, results: 2, onTime: 2, medianDaysToResult: 0, renewalSmsSent: 3, renewed: 1 });
  });

  it("counts the city-wide funnel, rates, median and conversion from the log", async () => {
    const { totals } = await dossierKpis(t.db, { today: TODAY });
    expect(totals).toEqual({
      prepared: 9,
      notified: 7,
      confirmed: 8,
      declined: 0,
      expired: 1,
      rejected: 1,
      results: 4,
      delivered: 3,
      fullyOnline: 2,
      onTime: 3,
      overdue: 0,
      // Days to a result: 0 and 0 today, 4 and 10 last month.
      medianDaysToResult: 2,
      renewalSmsSent: 4,
      renewed: 2,
      ratings: 2,
      ratingAverage: 4,
    });
    expect(kpiRates(totals)).toEqual({ onTime: 0.75, fullyOnline: 0.5, conversion: 0.5 });
  });

  it("breaks the numbers down per service, listing every service of the catalogue", async () => {
    const { byService } = await dossierKpis(t.db, { today: TODAY });
    expect(byService.map((r) => r.service)).toEqual(catalogue.map((s) => s.code));
    const of = (code: string) => byService.find((r) => r.service === code)!;
    expect(of("birth-registration")).toMatchObject({ prepared: 1, notified: 1, results: 1, delivered: 1, fullyOnline: 1, onTime: 1, medianDaysToResult: 0, ratings: 1, ratingAverage: 5, renewalSmsSent: 0 });
    expect(of("transport-badge-renewal")).toMatchObject({ prepared: 2, notified: 2, results: 2, onTime: 1, fullyOnline: 0, medianDaysToResult: 5, renewalSmsSent: 2, renewed: 2, ratingAverage: 3 });
    expect(of("medical-licence-renewal")).toMatchObject({ prepared: 2, notified: 1, confirmed: 2, results: 1, onTime: 1, fullyOnline: 1, medianDaysToResult: 4, renewalSmsSent: 1, renewed: 0 });
    // Hải's text never reached him: prepared, confirmed anyway, but not counted as notified.
    expect(of("veterinary-cert-renewal")).toMatchObject({ prepared: 1, notified: 0, confirmed: 1, renewalSmsSent: 0 });
    expect(of("tour-guide-card-renewal")).toMatchObject({ confirmed: 1, results: 0, renewalSmsSent: 1, renewed: 0, medianDaysToResult: null });
    expect(of("poor-household-support")).toMatchObject({ confirmed: 1, rejected: 1, results: 0 });
    expect(of("school-enrollment")).toMatchObject({ prepared: 1, notified: 1, confirmed: 0, expired: 1 });
    expect(of("house-building-support")).toEqual({ service: "house-building-support", ...emptyCounts });
  });

  it("breaks the numbers down per commune of the owner, busiest first", async () => {
    const { byCommune } = await dossierKpis(t.db, { today: TODAY });
    expect(byCommune.map((r) => [r.commune, r.prepared])).toEqual([
      [HAI_CHAU, 6],
      ["Phường Liên Chiểu", 2],
      ["Xã Hòa Vang", 1],
    ]);
    expect(byCommune[0]).toMatchObject({ notified: 4, confirmed: 5, expired: 1, results: 2, onTime: 2, fullyOnline: 2, medianDaysToResult: 2, renewalSmsSent: 2, renewed: 0, ratings: 1, ratingAverage: 5 });
    expect(byCommune[1]).toMatchObject({ notified: 2, results: 2, onTime: 1, fullyOnline: 0, medianDaysToResult: 5, renewalSmsSent: 2, renewed: 2, ratingAverage: 3 });
    expect(byCommune[2]).toMatchObject({ confirmed: 1, rejected: 1, results: 0, medianDaysToResult: null, ratingAverage: null });
    expect(await communesWithDossiers(t.db)).toEqual([HAI_CHAU, "Phường Liên Chiểu", "Xã Hòa Vang"]);
  });

  it("counts overdue dossiers exactly as the officers' queues show them", async () => {
    for (const today of [TODAY, LATER]) {
      let queueOverdue = 0;
      for (const agency of new Set(catalogue.map((s) => s.agency.code))) {
        const rows = await officerQueue(t.db, agency, {});
        // The officer page's rule (app/officer/page.tsx).
        queueOverdue += rows.filter((r) => r.slaDueDate !== null && r.slaDueDate < today && r.status !== "approved").length;
      }
      const { totals } = await dossierKpis(t.db, { today });
      expect(totals.overdue).toBe(queueOverdue);
    }
    const later = await dossierKpis(t.db, { today: LATER });
    expect(later.totals.overdue).toBe(3);
    expect(later.byService.filter((r) => r.overdue > 0).map((r) => r.service)).toEqual([
      "medical-licence-renewal",
      "tour-guide-card-renewal",
      "veterinary-cert-renewal",
    ]);
  });

  it("narrows every number to a service or a commune", async () => {
    const badge = await dossierKpis(t.db, { today: TODAY, service: "transport-badge-renewal" });
    expect(badge.byService.map((r) => r.service)).toEqual(["transport-badge-renewal"]);
    expect(badge.byService[0]).toMatchObject(badge.totals);
    expect(badge.byCommune.map((r) => r.commune)).toEqual(["Phường Liên Chiểu"]);

    const haiChau = await dossierKpis(t.db, { today: TODAY, commune: HAI_CHAU });
    expect(haiChau.totals).toMatchObject({ prepared: 6, results: 2, medianDaysToResult: 2 });
    expect(haiChau.byService.find((r) => r.service === "transport-badge-renewal")?.prepared).toBe(0);
  });

  it("adds the SMS outbox by status", async () => {
    const report = await operationsReport(t.db, { today: TODAY });
    // 9 "prepared" texts (the newborn's mother has her own; Hải's unreachable), then 9 status texts,
    // the name sent to the mother and 1 reminder, not yet dispatched.
    expect(report.outbox).toEqual({ pending: 11, sending: 0, sent: 8, failed: 1 });
  });
});
