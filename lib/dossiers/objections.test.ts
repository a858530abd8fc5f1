import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { citizens, dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "./citizen-actions";
import { performOfficerAction } from "./officer-actions";
import { approvalHold, objectionDeadline, parentReviewOf, respondAsOtherParent, settleObjection } from "./objections";
import { insertDelegation } from "../db/delegation-queries";
import * as clock from "../clock";
import { partyMay } from "./parties";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const hotich = { username: "hotich", agency: "hotich" };
const NAME = { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" };

describe("the second-parent rule (pure)", () => {
  const submitted = { status: "submitted" as const, submittedBy: "A", objectionUntil: "2026-11-25" };
  it("lets either parent name and confirm, only the owner decline, only the other parent answer within the window", () => {
    for (const role of ["owner", "co-parent"] as const) {
      expect(partyMay("confirm", { citizenId: "B", role }, submitted, TODAY)).toBe(true);
      expect(partyMay("amend", { citizenId: "B", role }, submitted, TODAY)).toBe(true);
    }
    expect(partyMay("decline", { citizenId: "A", role: "owner" }, submitted, TODAY)).toBe(true);
    expect(partyMay("decline", { citizenId: "B", role: "co-parent" }, submitted, TODAY)).toBe(false);
    expect(partyMay("object", { citizenId: "B", role: "co-parent" }, submitted, "2026-11-25")).toBe(true);
    expect(partyMay("object", { citizenId: "B", role: "co-parent" }, submitted, "2026-11-26")).toBe(false);
    expect(partyMay("object", { citizenId: "A", role: "owner" }, submitted, TODAY)).toBe(false);
    expect(partyMay("agree", { citizenId: "B", role: "co-parent" }, { ...submitted, objectionUntil: null }, TODAY)).toBe(false);
    expect(partyMay("object", { citizenId: "B", role: "co-parent" }, { ...submitted, status: "approved" }, TODAY)).toBe(false);
    expect(objectionDeadline("2026-11-30")).toBe("2026-12-02");
  });
});

describe.each(await testDatabaseKinds())("both parents on $name", ({ open }) => {
  let t: TestDatabase;
  const birth = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration")))[0]!;
  const phoneOf = async (id: string) => (await t.db.select().from(citizens).where(eq(citizens.id, id)))[0]!.phone!;
  const textsTo = async (id: string) => (await t.db.select().from(smsOutbox).where(eq(smsOutbox.phone, await phoneOf(id)))).map((m) => m.body);
  const act = (action: string, today = TODAY, note?: string) =>
    birth().then((d) => performOfficerAction(t.db, hotich, { dossierCode: d.code, version: d.version, action, note }, { origin: ORIGIN, today }));
  const answer = (citizen: string, body: Record<string, unknown>, today = TODAY) =>
    birth().then((d) => respondAsOtherParent(t.db, citizen, { dossierCode: d.code, ...body }, { today }));

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("texts the mother her own SMS when the dossier is prepared", async () => {
    expect(await textsTo(demoPersonas.binh)).toEqual([expect.stringMatching(/^DVC Da Nang: Chuc mung chi Binh! Ho so khai sinh .* Ma doi chieu \d{4}$/)]);
    expect(await textsTo(demoPersonas.an)).toEqual([expect.stringContaining("Chuc mung anh An!")]);
  });

  it("tells the other parent the chosen name and the last day to object, with the match code", async () => {
    const d = await birth();
    const r = await performCitizenAction(t.db, demoPersonas.an, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input: NAME, consent: true }, { origin: ORIGIN, today: TODAY });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
    expect((await birth()).objectionUntil).toBe("2026-11-25");
    const notice = (await textsTo(demoPersonas.binh))[1]!;
    expect(notice).toMatch(/^DVC Da Nang: chi Binh: ten be la Nguyen Minh Khang\. Phan doi truoc 25\/11: https:\/\/dichvucong\.danang\.gov\.vn\/s\/[\w-]{22} Ma doi chieu \d{4}$/);
    expect(notice.length).toBeLessThanOrEqual(160);
    expect(await textsTo(demoPersonas.an)).toHaveLength(1);
  });

  it("holds approval while the other parent's window is open and unanswered", async () => {
    expect(await act("receive")).toMatchObject({ ok: true, status: "received" });
    expect(await act("approve")).toEqual({ ok: false, error: "awaiting_other_parent" });
    expect((await birth()).status).toBe("received");
  });

  it("lets only the other parent object, with a reason, once", async () => {
    expect(await answer(demoPersonas.an, { answer: "object", reason: "Tôi đổi ý" })).toEqual({ ok: false, error: "not_allowed" });
    expect(await answer(demoPersonas.cuc, { answer: "object", reason: "x" })).toEqual({ ok: false, error: "not_found" });
    expect(await answer(demoPersonas.binh, { answer: "object", reason: "   " })).toEqual({ ok: false, error: "invalid", field: "reason", reason: "required" });
    expect(await answer(demoPersonas.binh, { answer: "object", reason: "x".repeat(1001) })).toMatchObject({ ok: false, reason: "tooLong" });
    expect(await answer(demoPersonas.binh, { answer: "object", reason: "Hai vợ chồng chưa thống nhất họ của bé" })).toEqual({ ok: true });
    expect(await answer(demoPersonas.binh, { answer: "agree" })).toEqual({ ok: false, error: "already_answered" });
    const [event] = await t.db.select().from(dossierEvents).where(eq(dossierEvents.kind, "objected"));
    expect(event).toMatchObject({ actorKind: "citizen", actorId: demoPersonas.binh, note: "Hai vợ chồng chưa thống nhất họ của bé", data: { channel: "web" } });
  });

  it("blocks approval until an officer of the agency records the settlement, even after the window", async () => {
    expect(await act("approve", "2026-12-01")).toEqual({ ok: false, error: "objection_open" });
    const code = (await birth()).code;
    expect(await settleObjection(t.db, { username: "yte", agency: "yte" }, { dossierCode: code, settlement: "ok" })).toEqual({ ok: false, error: "not_found" });
    expect(await settleObjection(t.db, hotich, { dossierCode: code, settlement: " " })).toEqual({ ok: false, error: "invalid", reason: "required" });
    const settlement = "Đã gặp cả hai cha mẹ ngày 24/11: thống nhất giữ tên Nguyễn Minh Khang.";
    expect(await settleObjection(t.db, hotich, { dossierCode: code, settlement })).toEqual({ ok: true });
    expect(await settleObjection(t.db, hotich, { dossierCode: code, settlement })).toEqual({ ok: false, error: "not_allowed" });
    expect(await act("approve")).toMatchObject({ ok: true, status: "approved" });
    const events = await t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, (await birth()).id));
    expect(events.map((e) => e.toStatus ?? e.kind)).toEqual(["prepared", "submitted", "received", "objected", "settled", "approved"]);
    expect(events.find((e) => e.kind === "settled")).toMatchObject({ actorKind: "officer", actorId: "hotich", note: settlement });
    expect(await answer(demoPersonas.binh, { answer: "object", reason: "muộn" })).toEqual({ ok: false, error: "not_allowed" });
  });
});

describe.each(await testDatabaseKinds())("the mother names the child on $name", ({ open }) => {
  let t: TestDatabase;
  const birth = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration")))[0]!;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("lets the mother confirm; the father is told, may agree, and the officer may then approve at once", async () => {
    const d = await birth();
    const r = await performCitizenAction(t.db, demoPersonas.binh, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input: { ...NAME, hometown: "mother" }, consent: true }, { origin: ORIGIN, today: TODAY });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
    expect((await birth()).submittedBy).toBe(demoPersonas.binh);
    const notices = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, "event:%"));
    expect(notices.map((m) => [m.phone, m.body.slice(0, 48)])).toEqual([["0905000001", "DVC Da Nang: anh An: ten be la Nguyen Minh Khang"]]);
    expect(await respondAsOtherParent(t.db, demoPersonas.binh, { dossierCode: d.code, answer: "agree" }, { today: TODAY })).toEqual({ ok: false, error: "not_allowed" });
    expect(await respondAsOtherParent(t.db, demoPersonas.an, { dossierCode: d.code, answer: "agree" }, { today: TODAY })).toEqual({ ok: true });
    expect(await approvalHold(t.db, await birth(), TODAY)).toBeNull();
    const officer = (action: string) =>
      birth().then((x) => performOfficerAction(t.db, hotich, { dossierCode: x.code, version: x.version, action }, { origin: ORIGIN, today: TODAY }));
    expect(await officer("receive")).toMatchObject({ ok: true });
    expect(await officer("approve")).toMatchObject({ ok: true, status: "approved" });
  });

  it("lets the window lapse without an answer: approval is then possible", async () => {
    const d = { id: randomUUID(), objectionUntil: "2026-11-25" };
    expect(await approvalHold(t.db, d, "2026-11-25")).toBe("awaiting_other_parent");
    expect(await approvalHold(t.db, d, "2026-11-26")).toBeNull();
  });
});

describe.each(await testDatabaseKinds())("a relative confirming for a parent on $name", ({ open }) => {
  let t: TestDatabase;
  const { an, binh, cuc } = demoPersonas;
  const birth = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration")))[0]!;
  const textsTo = async (id: string) => {
    const [person] = await t.db.select().from(citizens).where(eq(citizens.id, id));
    return (await t.db.select().from(smsOutbox).where(eq(smsOutbox.phone, person!.phone!))).map((m) => m.body);
  };

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
    // An grants Cúc his son's dossier (inserted directly: a grant's days run on the app clock).
    const d = await birth();
    await insertDelegation(t.db, { grantorId: an, delegateId: cuc, dossierId: d.id, serviceCode: null, endsAt: new Date(clock.now().getTime() + 86_400_000) });
  });
  afterAll(async () => t?.close());

  it("counts as the owner's confirmation: the owner is told, only the other parent may object", async () => {
    const d = await birth();
    const before = { an: (await textsTo(an)).length, binh: (await textsTo(binh)).length };
    const r = await performCitizenAction(t.db, cuc, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input: NAME, consent: true }, { origin: ORIGIN, today: TODAY });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
    const after = await birth();
    expect(after).toMatchObject({ submittedBy: an, objectionUntil: objectionDeadline(TODAY) });

    // The mother gets the window; the father, whose act it was, is told who submitted and gets no window.
    const binhTexts = (await textsTo(binh)).slice(before.binh);
    expect(binhTexts).toEqual([expect.stringMatching(/^DVC Da Nang: chi Binh: ten be la Nguyen Minh Khang\. Phan doi truoc 25\/11: https:\/\/.* Ma doi chieu \d{4}$/)]);
    const anTexts = (await textsTo(an)).slice(before.an);
    expect(anTexts).toEqual([expect.stringMatching(new RegExp(`^DVC Da Nang: Ho so ${d.code} da duoc nguoi than nop thay anh An: https://.* Ma doi chieu \\d{4}$`))]);
    expect(anTexts.join()).not.toMatch(/Phan doi/);

    const view = { status: "submitted" as const, submittedBy: after.submittedBy, objectionUntil: after.objectionUntil };
    expect(partyMay("object", { citizenId: an, role: "owner" }, view, TODAY)).toBe(false);
    expect(partyMay("object", { citizenId: binh, role: "co-parent" }, view, TODAY)).toBe(true);
    expect(partyMay("object", { citizenId: cuc, role: "delegate" }, view, TODAY)).toBe(false);
    expect(await respondAsOtherParent(t.db, an, { dossierCode: d.code, answer: "object", reason: "Không đúng" }, { today: TODAY })).toEqual({ ok: false, error: "not_allowed" });
    expect(await parentReviewOf(t.db, after)).toMatchObject({ submitter: { id: an }, others: [{ id: binh }] });
    // The timeline still names the relative who acted.
    const [event] = await t.db.select().from(dossierEvents).where(eq(dossierEvents.toStatus, "submitted"));
    expect(event).toMatchObject({ actorId: cuc, data: expect.objectContaining({ via: { channel: "delegate", onBehalfOf: an } }) });
  });
});
