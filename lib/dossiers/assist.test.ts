import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld, seedWardHelpWorld, wardHelpPersonas } from "../gov/demo-world";
import { assistCodes, dataAccessLog, dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { ASSIST_CODE_MINUTES, assistedDossier, assistOutcomeUrl, assistSession, recordAssistRead, startAssist, verifyAssist, wardOfficerOf } from "./assist";
import { getService } from "../services/catalogue";
import { installStoredVersions } from "../services/overlay";
import { performCitizenAction } from "./citizen-actions";
import * as clock from "../clock";

const TODAY = "2026-11-23";
const officer = wardOfficerOf({ username: "motcua", fullName: "Lê Thị Hòa", agency: "motcua", role: "officer", commune: "Xã Hòa Vang" })!;
const other = { ...officer, username: "hotich" };

describe.each(await testDatabaseKinds())("assisted mode at the ward on $name", ({ open }) => {
  let t: TestDatabase;
  const lastSms = async (phone: string) => {
    const [row] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.id)).limit(1);
    return row;
  };
  const codeIn = (body: string) => /Ma (\d{6}) de can bo/.exec(body)![1]!;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await seedWardHelpWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it("only a ward-level officer may assist", () => {
    expect(wardOfficerOf({ username: "yte", fullName: "Y", agency: "yte", role: "officer", commune: null })).toBeUndefined();
    expect(wardOfficerOf({ username: "ioc", fullName: "I", agency: "ioc", role: "ioc", commune: "Xã Hòa Vang" })).toBeUndefined();
  });

  it("texts a code to the citizen's phone, stores only its hash, and tells the officer only how many dossiers wait", async () => {
    const started = await startAssist(t.db, officer, wardHelpPersonas.loc);
    expect(started).toEqual({ ok: true, id: expect.any(String), prepared: 1 });
    const sms = await lastSms("0905000031");
    expect(sms!.body).toMatch(/^DVC Da Nang: Ma \d{6} de can bo UBND xa Hoa Vang xac nhan ho so giup Ong, hieu luc 10 phut\..*Ma doi chieu \d{4}$/);
    const [row] = await t.db.select().from(assistCodes).where(eq(assistCodes.id, started.ok ? started.id : ""));
    expect(row!.codeHash).not.toContain(codeIn(sms!.body));
    // Unknown ids and ids with nothing waiting get one answer; bad input is refused before anything.
    expect(await startAssist(t.db, officer, "048000000099")).toEqual({ ok: false, error: "none" });
    expect(await startAssist(t.db, officer, "12345")).toEqual({ ok: false, error: "invalid" });
  });

  it("allows 3 tries: two wrong codes leave one, a third wrong one ends the code, even the right one after", async () => {
    const started = await startAssist(t.db, officer, wardHelpPersonas.loc);
    if (!started.ok) throw new Error("not started");
    const right = codeIn((await lastSms("0905000031"))!.body);
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await verifyAssist(t.db, officer, started.id, "12ab")).toEqual({ ok: false, error: "invalid", triesLeft: 3 });
    expect(await verifyAssist(t.db, officer, started.id, wrong)).toEqual({ ok: false, error: "wrong", triesLeft: 2 });
    expect(await verifyAssist(t.db, officer, started.id, wrong)).toEqual({ ok: false, error: "wrong", triesLeft: 1 });
    expect(await verifyAssist(t.db, officer, started.id, wrong)).toEqual({ ok: false, error: "expired" });
    expect(await verifyAssist(t.db, officer, started.id, right)).toEqual({ ok: false, error: "expired" });
    expect(await assistSession(t.db, officer, started.id)).toBeUndefined();
  });

  it("rate-limits the codes one citizen receives (3 an hour)", async () => {
    // One fixed instant mid-window, so the hour cannot roll over between the calls.
    vi.spyOn(clock, "now").mockReturnValue(new Date("2026-11-23T03:30:00Z"));
    for (let i = 0; i < 3; i++) expect(await startAssist(t.db, officer, wardHelpPersonas.loc)).toMatchObject({ ok: true });
    expect(await startAssist(t.db, officer, wardHelpPersonas.loc)).toEqual({ ok: false, error: "rateLimited" });
    vi.restoreAllMocks();
  });

  it("a code lapses after 10 minutes, and belongs to the officer who asked for it", async () => {
    const started = await startAssist(t.db, officer, wardHelpPersonas.mai);
    if (!started.ok) throw new Error("not started");
    const right = codeIn((await lastSms("0905000032"))!.body);
    expect(await verifyAssist(t.db, other, started.id, right)).toEqual({ ok: false, error: "expired" });
    const later = new Date(clock.now().getTime() + ASSIST_CODE_MINUTES * 60_000 + 1000);
    vi.spyOn(clock, "now").mockReturnValue(later);
    expect(await verifyAssist(t.db, officer, started.id, right)).toEqual({ ok: false, error: "expired" });
    vi.restoreAllMocks();
  });

  it("with the right code the officer confirms through the citizen's own path; the event names the officer and the ward, the read is logged", async () => {
    const started = await startAssist(t.db, officer, wardHelpPersonas.mai);
    if (!started.ok) throw new Error("not started");
    expect(await assistSession(t.db, officer, started.id)).toBeUndefined();
    const right = codeIn((await lastSms("0905000032"))!.body);
    expect(await verifyAssist(t.db, officer, started.id, right)).toEqual({ ok: true });
    const session = await assistSession(t.db, officer, started.id);
    expect(session).toEqual({ citizenId: wardHelpPersonas.mai, fullName: "Phan Thị Mai" });
    expect(await assistSession(t.db, other, started.id)).toBeUndefined();

    const [dossier] = await t.db.select().from(dossiers).where(and(eq(dossiers.ownerId, wardHelpPersonas.mai), eq(dossiers.serviceCode, "veterinary-cert-renewal")));
    await recordAssistRead(t.db, officer, session!.citizenId, dossier!.id);
    const request = { dossierCode: dossier!.code, version: dossier!.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true };
    const result = await performCitizenAction(t.db, session!.citizenId, "confirm", request, { assistedBy: officer });
    expect(result).toMatchObject({ ok: true, status: "submitted" });
    // A double tap acts once.
    expect(await performCitizenAction(t.db, session!.citizenId, "confirm", request, { assistedBy: officer })).toEqual(result);
    const events = await t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, dossier!.id), eq(dossierEvents.toStatus, "submitted")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: "citizen", actorId: wardHelpPersonas.mai });
    expect(events[0]!.data).toMatchObject({ via: { channel: "assisted", officer: "motcua", officerName: "Lê Thị Hòa", ward: "Xã Hòa Vang" } });
    const reads = await t.db.select().from(dataAccessLog).where(and(eq(dataAccessLog.dossierId, dossier!.id), eq(dataAccessLog.dataset, "prepared-dossiers")));
    expect(reads).toEqual([expect.objectContaining({ citizenId: wardHelpPersonas.mai, agency: "UBND xã Hòa Vang", purpose: "assisted:motcua" })]);
  });
  it("shows the counter the form of the service version the dossier was prepared under, for that citizen's dossiers only", async () => {
    const started = await startAssist(t.db, officer, wardHelpPersonas.loc);
    if (!started.ok) throw new Error("not started");
    expect(await verifyAssist(t.db, officer, started.id, codeIn((await lastSms("0905000031"))!.body))).toEqual({ ok: true });
    const [own] = await t.db.select().from(dossiers).where(eq(dossiers.ownerId, wardHelpPersonas.loc));
    const [someoneElses] = await t.db.select().from(dossiers).where(eq(dossiers.ownerId, wardHelpPersonas.mai));
    const v1 = getService(own!.serviceCode, own!.serviceVersion);
    const extra = { ...v1.citizenFields[0]!, key: "addedInV2" };
    installStoredVersions([{ code: v1.code, version: own!.serviceVersion + 1, definition: { ...v1, citizenFields: [...v1.citizenFields, extra] } }]);
    try {
      const found = await assistedDossier(t.db, officer, started.id, own!.code);
      expect(found.ok && found.service.citizenFields.map((f) => f.key)).toEqual(v1.citizenFields.map((f) => f.key));
      expect(found).toMatchObject({ ok: true, citizen: { citizenId: wardHelpPersonas.loc } });
    } finally {
      installStoredVersions([]);
    }
    expect(await assistedDossier(t.db, officer, started.id, someoneElses!.code)).toEqual({ ok: false, error: "not_found" });
    expect(await assistedDossier(t.db, other, started.id, own!.code)).toEqual({ ok: false, error: "expired" });
  });
});

describe("where the counter goes after acting", () => {
  const at = (result: Parameters<typeof assistOutcomeUrl>[3], intent: "confirm" | "amend" = "confirm") => assistOutcomeUrl("a1", "HS-2026-000001", intent, result);
  it("names an open Báo sai as such, not as a dossier that stopped waiting", () => {
    expect(at({ ok: false, error: "correction_pending" })).toBe("/officer/assist/a1/HS-2026-000001?result=correctionPending");
    expect(at({ ok: false, error: "not_editable", status: "submitted" })).toBe("/officer/assist/a1/HS-2026-000001?result=notEditable");
  });
  it("says what was done, which fields are wrong, and leaves a dossier that is gone", () => {
    expect(at({ ok: true, status: "submitted", version: 3 })).toBe("/officer/assist/a1/HS-2026-000001?result=submitted");
    expect(at({ ok: true, status: "prepared", version: 3 }, "amend")).toBe("/officer/assist/a1/HS-2026-000001?result=saved");
    expect(at({ ok: false, error: "invalid", fieldErrors: { childName: "nameLetters", consent: "consentRequired" } })).toBe("/officer/assist/a1/HS-2026-000001?result=invalid&fields=childName%2Cconsent");
    expect(at({ ok: false, error: "conflict", version: 4 })).toBe("/officer/assist/a1/HS-2026-000001?result=conflict");
    expect(at({ ok: false, error: "not_found" })).toBe("/officer/assist/a1");
  });
});
