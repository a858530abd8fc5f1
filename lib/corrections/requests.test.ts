import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { birthNotices, citizens, correctionRequests, dossierEvents, dossiers } from "../db/schema";
import { scan } from "../engine/scan";
import { addDays } from "../dates";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { findDossierForAgency, officerQueue } from "../db/officer-queries";
import { agencyName } from "../services/agency";
import { getService } from "../services/catalogue";
import { communeOf } from "../places/commune";
import { answerCorrection, reportWrongLine } from "./requests";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const { long, mai, an } = demoPersonas;
const police = { username: "congan", agency: "congan" };
const hospital = { username: "benhvien", agency: "benhvien" };
const NAME = { childName: "Trần Minh Anh", hometown: "father", delivery: "post" };

describe.each(await testDatabaseKinds())("Báo sai and the registering ward on $name", ({ open }) => {
  let t: TestDatabase;
  const birth = async () =>
    (await t.db.select().from(dossiers).where(and(eq(dossiers.serviceCode, "birth-registration"), eq(dossiers.ownerId, long))))[0]!;
  const report = async (who: string, field: string, reason = "Sai chính tả họ tên") => reportWrongLine(t.db, who, { dossierCode: (await birth()).code, field, reason });
  const requestOn = async (field: string) =>
    (await t.db.select().from(correctionRequests).where(eq(correctionRequests.fieldKey, field))).filter((r) => r.status === "open");
  const confirm = async () => {
    const d = await birth();
    return performCitizenAction(t.db, long, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input: NAME, consent: true }, { origin: ORIGIN, today: TODAY });
  };

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await t.db.insert(birthNotices).values({ certificateNo: "GCS-TEST-HV-1", hospital: "Trung tâm Y tế Hòa Vang", birthDate: addDays(TODAY, -2), sex: "female", motherId: mai, fatherId: long });
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("names the child's own commune as the registering agency, a xã and not Hải Châu", async () => {
    const d = await birth();
    expect(communeOf(d.prefilled)).toBe("Xã Hòa Vang");
    expect(agencyName(getService("birth-registration"), communeOf(d.prefilled), "vi")).toBe("Tư pháp – Hộ tịch, UBND xã Hòa Vang");
  });

  it("lets only a party report, only on a pre-filled line, with a short reason", async () => {
    expect(await report(an, "motherName")).toEqual({ ok: false, error: "not_found" });
    expect(await report(long, "childName")).toEqual({ ok: false, error: "not_found" });
    expect(await report(long, "motherName", " x ")).toEqual({ ok: false, error: "invalid", reason: "reasonRequired" });
    expect(await report(long, "motherName", "x".repeat(301))).toEqual({ ok: false, error: "invalid", reason: "reasonTooLong" });
    expect(await t.db.$count(correctionRequests)).toBe(0);
  });

  it("keeps one open request per line: a double tap creates one request and one event", async () => {
    const results = await Promise.all([report(long, "motherName", "Tên mẹ là Phan Thị Mây"), report(long, "motherName", "Tên mẹ là Phan Thị Mây")]);
    expect(results.map((r) => r.ok && r.created).sort()).toEqual([false, true]);
    expect(await report(mai, "motherName", "Tên tôi là Phan Thị Mây")).toEqual({ ok: true, created: false });
    const [request] = await requestOn("motherName");
    expect(request).toMatchObject({ agency: "congan", dataset: "population", effect: "wait", reportedValue: "Phan Thị Mai", citizenId: long });
    expect(await t.db.$count(dossierEvents, eq(dossierEvents.kind, "reported"))).toBe(1);
  });

  it("holds the confirmation while a wrong name waits for the police", async () => {
    expect(await confirm()).toEqual({ ok: false, error: "correction_pending" });
    expect((await birth()).status).toBe("prepared");
  });

  it("lets only the owning agency answer, corrects the registry and the pre-fill, and answers once", async () => {
    const [request] = await requestOn("motherName");
    expect(await answerCorrection(t.db, hospital, { id: request!.id, decision: "accept", value: "Phan Thị Mây" })).toEqual({ ok: false, error: "not_found" });
    expect(await answerCorrection(t.db, police, { id: request!.id, decision: "accept", value: " " })).toEqual({ ok: false, error: "invalid_value" });
    expect(await answerCorrection(t.db, police, { id: request!.id, decision: "accept", value: "Phan Thị Mây", answer: "Đã đối chiếu CCCD" })).toEqual({ ok: true, carriedTo: [] });
    expect(await answerCorrection(t.db, police, { id: request!.id, decision: "reject", answer: "Sai" })).toEqual({ ok: false, error: "already_answered" });
    expect((await t.db.select().from(citizens).where(eq(citizens.id, mai)))[0]!.fullName).toBe("Phan Thị Mây");
    expect((await birth()).prefilled.motherName).toBe("Phan Thị Mây");
    const [event] = await t.db.select().from(dossierEvents).where(eq(dossierEvents.kind, "corrected"));
    expect(event).toMatchObject({ actorKind: "officer", actorId: "congan", data: expect.objectContaining({ field: "motherName", from: "Phan Thị Mai", to: "Phan Thị Mây", registry: true }) });
  });

  it("lets a wrong address go on with a note, and a rejection needs a reason", async () => {
    expect(await report(long, "residence", "Đã chuyển đến thôn Phú Sơn")).toEqual({ ok: true, created: true });
    expect(await report(long, "birthPlace", "Sinh tại bệnh viện khác")).toEqual({ ok: true, created: true });
    const [place] = await requestOn("birthPlace");
    expect(place).toMatchObject({ agency: "benhvien", effect: "note" });
    expect(await answerCorrection(t.db, hospital, { id: place!.id, decision: "reject" })).toEqual({ ok: false, error: "reason_required" });
    expect(await answerCorrection(t.db, hospital, { id: place!.id, decision: "reject", answer: "Giấy chứng sinh ghi đúng nơi sinh" })).toEqual({ ok: true, carriedTo: [] });
    expect(await confirm()).toMatchObject({ ok: true, status: "submitted" });
  });

  it("puts the submitted birth in the queue of the child's commune, not Hải Châu's", async () => {
    const d = await birth();
    const hoaVang = { agency: "hotich", commune: "Xã Hòa Vang" };
    const haiChau = { agency: "hotich", commune: "Phường Hải Châu" };
    expect((await officerQueue(t.db, hoaVang, {})).map((r) => r.code)).toContain(d.code);
    expect((await officerQueue(t.db, haiChau, {})).map((r) => r.code)).not.toContain(d.code);
    expect(await findDossierForAgency(t.db, haiChau, d.code)).toBeUndefined();
    expect(await findDossierForAgency(t.db, hoaVang, d.code)).toBeDefined();
  });
});
