import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld, seedWardHelpWorld, wardHelpPersonas } from "../gov/demo-world";
import { correctionRequests, dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { answerCorrection, reportWrongLine } from "./requests";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const police = { username: "congan", agency: "congan" };
const { mai } = wardHelpPersonas;

describe.each(await testDatabaseKinds())("a Báo sai answered on $name", ({ open }) => {
  let t: TestDatabase;
  const mine = async (service: string) => (await t.db.select().from(dossiers).where(and(eq(dossiers.ownerId, mai), eq(dossiers.serviceCode, service))))[0]!;
  const vet = () => mine("veterinary-cert-renewal");
  const medical = () => mine("medical-licence-renewal");
  const textsToMai = async () => (await t.db.select().from(smsOutbox).where(eq(smsOutbox.phone, "0905000032"))).map((m) => m.body);
  /** Mai reports her name on one dossier and the police answer it. */
  const reportAndAnswer = async (on: typeof dossiers.$inferSelect, answer: Record<string, unknown>) => {
    expect(await reportWrongLine(t.db, mai, { dossierCode: on.code, field: "holderName", reason: "Tên tôi có dấu nặng" })).toEqual({ ok: true, created: true });
    const [request] = await t.db.select().from(correctionRequests).where(and(eq(correctionRequests.dossierId, on.id), eq(correctionRequests.status, "open")));
    return answerCorrection(t.db, police, { id: request!.id, ...answer }, { origin: ORIGIN, today: TODAY });
  };

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await seedWardHelpWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("texts the reporter the outcome, and carries an accepted name to her other prepared dossier from the same record, with an event", async () => {
    const before = (await textsToMai()).length;
    const source = await vet();
    const other = await medical();
    expect(other.prefilled.holderName).toBe("Phan Thị Mai");
    expect(await reportAndAnswer(source, { decision: "accept", value: "Phan Thị Mại" })).toEqual({ ok: true, carriedTo: [other.code] });
    expect((await vet()).prefilled.holderName).toBe("Phan Thị Mại");
    expect((await medical()).prefilled.holderName).toBe("Phan Thị Mại");
    const [carried] = await t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, other.id), eq(dossierEvents.kind, "corrected")));
    expect(carried).toMatchObject({ actorKind: "officer", actorId: "congan", data: expect.objectContaining({ field: "holderName", from: "Phan Thị Mai", to: "Phan Thị Mại", carriedFrom: source.code }) });

    const texts = (await textsToMai()).slice(before);
    expect(texts).toEqual([expect.stringMatching(new RegExp(`^DVC Da Nang: Ba Mai: bao sai ho so ${source.code} da duoc sua: https://dichvucong\\.danang\\.gov\\.vn/s/[\\w-]+ Ma doi chieu \\d{4}$`))]);
    expect(texts[0]!.length).toBeLessThanOrEqual(160);
  });

  it("never overwrites a line the citizen amended, nor a submitted dossier", async () => {
    // Her own spelling on the vet dossier stays hers.
    const amended = await vet();
    await t.db.update(dossiers).set({ citizenData: { ...amended.citizenData, holderName: "Phan Thị Mai Anh" } }).where(eq(dossiers.id, amended.id));
    expect(await reportAndAnswer(await medical(), { decision: "accept", value: "Phan Thị Mài" })).toEqual({ ok: true, carriedTo: [] });
    expect((await vet()).prefilled.holderName).toBe("Phan Thị Mại");

    // Once submitted, the vet dossier is the agency's: a later correction leaves it as sent.
    await t.db.update(dossiers).set({ citizenData: amended.citizenData }).where(eq(dossiers.id, amended.id));
    const v = await vet();
    expect(await performCitizenAction(t.db, mai, "confirm", { dossierCode: v.code, version: v.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }, { origin: ORIGIN, today: TODAY })).toMatchObject({ ok: true, status: "submitted" });
    expect(await reportAndAnswer(await medical(), { decision: "accept", value: "Phan Thị Mải" })).toEqual({ ok: true, carriedTo: [] });
    expect((await vet()).prefilled.holderName).toBe("Phan Thị Mại");
    expect(await t.db.$count(dossierEvents, and(eq(dossierEvents.dossierId, v.id), eq(dossierEvents.kind, "corrected")))).toBe(1);
  });

  it("texts a rejection too, once however often it is answered", async () => {
    const before = (await textsToMai()).length;
    const m = await medical();
    expect(await reportAndAnswer(m, { decision: "reject", answer: "Đúng theo CCCD" })).toEqual({ ok: true, carriedTo: [] });
    const [request] = await t.db.select().from(correctionRequests).where(and(eq(correctionRequests.dossierId, m.id), eq(correctionRequests.status, "rejected")));
    expect(await answerCorrection(t.db, police, { id: request!.id, decision: "reject", answer: "Đúng theo CCCD" })).toEqual({ ok: false, error: "already_answered" });
    expect((await textsToMai()).slice(before)).toEqual([expect.stringMatching(new RegExp(`^DVC Da Nang: Ba Mai: bao sai ho so ${m.code} khong duoc chap nhan: https://\\S+ Ma doi chieu \\d{4}$`))]);
  });

  it("gives a dossier the hold outlasted days to confirm, and a new version a stale page cannot confirm", async () => {
    const waited = await t.db.select().from(dossiers).where(and(eq(dossiers.ownerId, mai), eq(dossiers.status, "prepared")));
    const m = waited[0]!;
    await t.db.update(dossiers).set({ confirmDeadline: "2026-11-20" }).where(eq(dossiers.id, m.id));
    expect(await reportAndAnswer(m, { decision: "accept", value: "Phan Thị Mãi" })).toMatchObject({ ok: true });
    const after = (await t.db.select().from(dossiers).where(eq(dossiers.id, m.id)))[0]!;
    expect(after.confirmDeadline).toBe("2026-11-26");
    expect(after.version).toBeGreaterThan(m.version);
    expect(await performCitizenAction(t.db, mai, "confirm", { dossierCode: m.code, version: m.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }, { origin: ORIGIN, today: TODAY })).toMatchObject({ ok: false });
  });
});
