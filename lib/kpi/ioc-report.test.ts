import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { BACKLOG_COMMUNE, demoPersonas, seedDemoBacklog, seedDemoWorld } from "../gov/demo-world";
import { citizens, dossierEvents, dossiers } from "../db/schema";
import { officerQueue, slaMark } from "../db/officer-queries";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { declineDossier } from "../dossiers/decline";
import { reassignDossier } from "../dossiers/reassign";
import { isWorkingDay } from "../calendar/working-days";
import { addDays } from "../dates";
import { centreLoads, THROUGHPUT_DAYS } from "./sla-risk";
import { iocReport } from "./ioc-report";
import { exportTables, toCsv, toXlsx } from "./export";
import * as clock from "../clock";

const TODAY = clock.today();
const ORIGIN = "https://dvc.example.vn";
const HAI_CHAU = "Phường Hải Châu";
const lead = { username: "xaydung", agency: "xaydung" };

describe.each(await testDatabaseKinds())("IOC report on $name", ({ open }) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await seedDemoBacklog(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
    // Đặng Văn Hải says he no longer needs his veterinary renewal; Giang declines without a reason.
    const declineOwn = async (citizen: string, service: string, reason?: string) => {
      const [d] = await t.db.select().from(dossiers).where(and(eq(dossiers.serviceCode, service), eq(dossiers.ownerId, citizen)));
      expect(await declineDossier(t.db, citizen, { dossierCode: d!.code, version: d!.version, reason })).toEqual({ ok: true });
    };
    await declineOwn(demoPersonas.hai, "veterinary-cert-renewal", "not-needed");
    await declineOwn(demoPersonas.giang, "tour-guide-card-renewal");
    const [badge] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    const confirmed = await performCitizenAction(t.db, demoPersonas.dung, "confirm", {
      dossierCode: badge!.code,
      version: badge!.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "centre" },
      consent: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
  });

  afterAll(async () => t?.close());

  it("counts overdue dossiers by the officer queue's own rule, and puts them all at risk", async () => {
    const queue = await officerQueue(t.db, "xaydung", {});
    const loads = await centreLoads(t.db, { today: TODAY, agency: "xaydung" });
    const hoaKhanh = loads.find((l) => l.commune === BACKLOG_COMMUNE)!;
    const overdueInQueue = queue.filter((r) => r.commune === BACKLOG_COMMUNE && slaMark(r, TODAY) === "overdue").map((r) => r.code);
    expect(overdueInQueue).toHaveLength(2);
    expect(hoaKhanh.overdue).toBe(overdueInQueue.length);
    expect(hoaKhanh.atRiskCodes).toEqual(expect.arrayContaining(overdueInQueue));
    expect(hoaKhanh.queue).toBe(queue.filter((r) => r.commune === BACKLOG_COMMUNE && r.status !== "approved").length);
    let workingDays = 0;
    for (let i = 0; i < THROUGHPUT_DAYS; i++) if (isWorkingDay(addDays(TODAY, -i))) workingDays += 1;
    expect(hoaKhanh.throughputPerDay).toBeCloseTo(2 / Math.max(1, workingDays));
    // At under one decision a day, the queue's first ten due within a week cannot all be met.
    expect(hoaKhanh.atRisk).toBeGreaterThanOrEqual(8);
  });

  it("moves a dossier to another centre in one audited action, once", async () => {
    const before = (await centreLoads(t.db, { today: TODAY, agency: "xaydung" })).find((l) => l.commune === BACKLOG_COMMUNE)!;
    const code = before.atRiskCodes.at(-1)!;
    expect(await reassignDossier(t.db, { username: "ioc", agency: "xaydung" }, { dossierCode: code, from: BACKLOG_COMMUNE, to: HAI_CHAU })).toEqual({ ok: false, error: "not_lead" });
    expect(await reassignDossier(t.db, lead, { dossierCode: code, from: BACKLOG_COMMUNE, to: "Phường Không Có" })).toEqual({ ok: false, error: "invalid" });
    expect(await reassignDossier(t.db, lead, { dossierCode: code, from: BACKLOG_COMMUNE, to: HAI_CHAU })).toEqual({ ok: true, to: HAI_CHAU });
    // The same click again: the dossier is no longer where the lead saw it.
    expect(await reassignDossier(t.db, lead, { dossierCode: code, from: BACKLOG_COMMUNE, to: HAI_CHAU })).toEqual({ ok: false, error: "conflict" });
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.code, code));
    const events = await t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, d!.id), eq(dossierEvents.kind, "reassigned")));
    expect(events).toMatchObject([{ actorKind: "officer", actorId: "xaydung", data: { fromCentre: BACKLOG_COMMUNE, toCentre: HAI_CHAU } }]);
    expect(d!.status).toBe("received");
    const after = await centreLoads(t.db, { today: TODAY, agency: "xaydung" });
    expect(after.find((l) => l.commune === BACKLOG_COMMUNE)!.queue).toBe(before.queue - 1);
    expect(after.find((l) => l.commune === HAI_CHAU)!.queue).toBe(1);
    expect((await officerQueue(t.db, "xaydung", { commune: HAI_CHAU })).map((r) => r.code)).toEqual([code]);
  });

  it("reports declines per service with the reasons given", async () => {
    const report = await iocReport(t.db, { today: TODAY });
    const vet = report.declines.find((d) => d.service === "veterinary-cert-renewal")!;
    expect(vet).toMatchObject({ prepared: 1, declined: 1, rate: 1 });
    expect(vet.reasons).toMatchObject({ "not-needed": 1, unstated: 0 });
    expect(report.declines.find((d) => d.service === "tour-guide-card-renewal")!.reasons.unstated).toBe(1);
    const trend = report.trends.find((c) => c.agency === "xaydung" && c.commune === BACKLOG_COMMUNE)!;
    expect(trend.days).toHaveLength(14);
    expect(trend.days.at(-1)).toMatchObject({ day: TODAY, backlog: 9 });
    expect(trend.days.reduce((n, d) => n + d.resolved, 0)).toBe(2);
  });

  it("holds no citizen's name or id and no dossier code, on screen or in the exports", async () => {
    const report = await iocReport(t.db, { today: TODAY });
    const tables = exportTables(report, { service: (s) => s, centre: (c) => `${c.agency} ${c.commune}` });
    const csv = toCsv(tables, (table, column) => `${table}.${column}`);
    const workbook = new ExcelJS.Workbook();
    const xlsx = await toXlsx(tables, (table, column) => `${table}.${column}`);
    await workbook.xlsx.load(xlsx.buffer as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    const outputs = { screen: JSON.stringify(report), csv, xlsx: cells.join("\n") };
    const people = await t.db.select({ id: citizens.id, name: citizens.fullName }).from(citizens);
    const codes = await t.db.select({ code: dossiers.code, receiptNo: dossiers.receiptNo }).from(dossiers);
    expect(people.length).toBeGreaterThan(20);
    for (const [where, text] of Object.entries(outputs)) {
      expect(text.length, where).toBeGreaterThan(100);
      for (const p of people) {
        expect(text, `${where}: ${p.id}`).not.toContain(p.id);
        expect(text, `${where}: ${p.name}`).not.toContain(p.name);
      }
      for (const c of codes) {
        expect(text, `${where}: ${c.code}`).not.toContain(c.code);
        if (c.receiptNo) expect(text, where).not.toContain(c.receiptNo);
      }
    }
    expect(report.centres.find((c) => c.commune === BACKLOG_COMMUNE)).not.toHaveProperty("atRiskCodes");
  });
});
