import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, licences, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "./citizen-actions";
import { offeredActions, performOfficerAction } from "./officer-actions";
import { respondAsOtherParent } from "./objections";

const TODAY = "2026-11-23";
const ORIGIN = "https://dvc.example.vn";
const hotich = { username: "hotich", agency: "hotich" };
const yte = { username: "yte", agency: "yte" };

describe.each(await testDatabaseKinds())("officer actions on $name", ({ open }) => {
  let t: TestDatabase;
  const dossierOf = async (service: string) => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;
  const act = (officer: typeof hotich, code: string, version: number, action: string, note?: string) =>
    performOfficerAction(t.db, officer, { dossierCode: code, version, action, note }, { origin: ORIGIN, today: TODAY });

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
    const birth = await dossierOf("birth-registration");
    await performCitizenAction(t.db, demoPersonas.an, "confirm", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    });
    // Bình, the other parent, agrees with the name: approval need not wait for her window (docs/parents.md).
    expect(await respondAsOtherParent(t.db, demoPersonas.binh, { dossierCode: birth.code, answer: "agree" }, { today: TODAY })).toEqual({ ok: true });
  });
  afterAll(async () => t?.close());

  it("keeps other agencies out: the health officer cannot see or act on a birth", async () => {
    const birth = await dossierOf("birth-registration");
    expect(await act(yte, birth.code, birth.version, "receive")).toEqual({ ok: false, error: "not_found" });
    expect((await dossierOf("birth-registration")).status).toBe("submitted");
  });

  it("receives, approves with a certificate, residence entry and health card, then delivers", async () => {
    let birth = await dossierOf("birth-registration");
    expect(await act(hotich, birth.code, birth.version, "approve")).toEqual({ ok: false, error: "not_allowed" });
    expect(await act(hotich, birth.code, birth.version, "receive")).toMatchObject({ ok: true, status: "received" });
    birth = await dossierOf("birth-registration");
    // Only the One-Stop system numbers receipts, and no One-Stop answer is linked here (docs/onestop.md).
    expect(birth.receiptNo).toBeNull();

    const [first, second] = await Promise.all([
      act(hotich, birth.code, birth.version, "approve"),
      act(hotich, birth.code, birth.version, "approve"),
    ]);
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
    expect([first, second].filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.stringMatching(/conflict|not_allowed/) }]);
    birth = await dossierOf("birth-registration");
    expect(birth.status).toBe("approved");
    expect(birth.result).toMatchObject({
      birthCertificateNo: expect.stringMatching(/^\d{6}\/2026\/KS-HC$/),
      residenceEntry: expect.any(String),
      healthInsuranceCardNo: expect.stringMatching(/^TE148\d{10}$/),
    });
    expect(birth.verifyCode).toMatch(/^[A-Za-z0-9_-]{14}$/);

    expect(await act(hotich, birth.code, birth.version, "deliver")).toMatchObject({ ok: true, status: "delivered" });
    expect((await dossierOf("birth-registration")).result?.postalTrackingNo).toMatch(/^EB\d{9}VN$/);
    const events = await t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, birth.id));
    expect(events.map((e) => e.toStatus ?? e.kind)).toEqual(["prepared", "submitted", "agreed", "received", "approved", "delivered"]);
    expect(events.filter((e) => e.toStatus === "approved")).toHaveLength(1);
    const texts = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, "event:%"));
    expect(texts.filter((m) => m.dossierId === birth.id).map((m) => m.body)).toEqual([
      expect.stringContaining("ten be la Nguyen Minh Khang"),
      // Received before the One-Stop system numbered it: no blank "so bien nhan" clause.
      expect.stringMatching(new RegExp(`Ho so ${birth.code} da duoc tiep nhan\\. Hen tra ket qua`)),
      expect.stringContaining("da co ket qua"),
      expect.stringContaining("da duoc tra"),
    ]);
  });

  it("asks for more information, the citizen answers, and the dossier returns to the queue", async () => {
    const cuc = demoPersonas.cuc;
    let licence = await dossierOf("medical-licence-renewal");
    await performCitizenAction(t.db, cuc, "confirm", {
      dossierCode: licence.code,
      version: licence.version,
      idempotencyKey: randomUUID(),
      input: { practiceAddress: "402 Lê Văn Hiến", cmeHours: "136", delivery: "digital" },
      consent: true,
    });
    licence = await dossierOf("medical-licence-renewal");
    await act(yte, licence.code, licence.version, "receive");
    licence = await dossierOf("medical-licence-renewal");
    expect(await act(yte, licence.code, licence.version, "request_info")).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { note: "required" },
    });
    expect(await act(yte, licence.code, licence.version, "request_info", "Bổ sung chứng chỉ CME năm 2026")).toMatchObject({ ok: true, status: "needs_info" });
    licence = await dossierOf("medical-licence-renewal");
    const answer = await performCitizenAction(t.db, cuc, "confirm", {
      dossierCode: licence.code,
      version: licence.version,
      idempotencyKey: randomUUID(),
      input: { cmeHours: "140" },
      consent: true,
      note: "Đã cập nhật: 140 giờ",
    });
    expect(answer).toMatchObject({ ok: true, status: "submitted" });
    licence = await dossierOf("medical-licence-renewal");
    expect(licence.citizenData.cmeHours).toBe(140);

    await act(yte, licence.code, licence.version, "receive");
    licence = await dossierOf("medical-licence-renewal");
    await act(yte, licence.code, licence.version, "approve");
    licence = await dossierOf("medical-licence-renewal");
    expect(licence.result).toEqual({ licenceNumber: "000318/ĐNA-CCHN", newExpiry: "2031-12-18" });
    const [registry] = await t.db.select().from(licences).where(eq(licences.number, "000318/ĐNA-CCHN"));
    expect(registry?.expiresOn).toBe("2031-12-18");
    const rescan = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(rescan.prepared["medical-licence-renewal"]).toBe(0);
  });

  it("rejects only with a reason", async () => {
    const em = demoPersonas.em;
    let support = await dossierOf("poor-household-support");
    await performCitizenAction(t.db, em, "confirm", {
      dossierCode: support.code,
      version: support.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "centre" },
      consent: true,
    });
    support = await dossierOf("poor-household-support");
    const xahoi = { username: "xahoi", agency: "xahoi" };
    expect(await act(xahoi, support.code, support.version, "reject", "   ")).toMatchObject({ ok: false, error: "invalid" });
    expect(await act(xahoi, support.code, support.version, "reject", "Hộ đã chuyển khỏi phường")).toMatchObject({ ok: true, status: "rejected" });
  });
});

describe("what the officer's page offers", () => {
  it("holds Tiếp nhận back until the fee is paid, and says so; other actions stay", () => {
    expect(offeredActions("submitted", false)).toEqual({ actions: ["reject"], awaitingFee: true });
    expect(offeredActions("submitted", true)).toEqual({ actions: ["receive", "reject"], awaitingFee: false });
    // Nothing after receipt waits for the fee.
    expect(offeredActions("received", false)).toEqual({ actions: ["process", "approve", "request_info", "reject"], awaitingFee: false });
    expect(offeredActions("delivered", false)).toEqual({ actions: [], awaitingFee: false });
  });
});
