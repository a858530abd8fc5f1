import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "./citizen-actions";
import { declineDossier } from "./decline";

const TODAY = "2026-11-23";

describe.each(await testDatabaseKinds())("citizen confirm and amend on $name", ({ open }) => {
  let t: TestDatabase;
  const codeOf = async (service: string) => {
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, service));
    return d!;
  };
  const eventsOf = async (id: string) =>
    t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, id)));

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
  });
  afterAll(async () => t?.close());

  it("refuses a bad name with a field error and changes nothing", async () => {
    const before = await codeOf("birth-registration");
    const r = await performCitizenAction(t.db, demoPersonas.an, "confirm", {
      dossierCode: before.code,
      version: before.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Khang123", hometown: "father", delivery: "post" },
    });
    expect(r).toEqual({ ok: false, error: "invalid", fieldErrors: { childName: "nameLetters", consent: "consentRequired" } });
    const after = await codeOf("birth-registration");
    expect(after).toEqual(before);
  });

  it("hides another citizen's dossier and changes nothing", async () => {
    const birth = await codeOf("birth-registration");
    const r = await performCitizenAction(t.db, demoPersonas.cuc, "confirm", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    });
    expect(r).toEqual({ ok: false, error: "not_found" });
    expect((await codeOf("birth-registration")).status).toBe("prepared");
  });

  // The second-parent rule (docs/parents.md): either parent may name the child; objections.test.ts has the rest.
  it("lets the mother, a co-parent, name the child too, and names her in the event", async () => {
    const birth = await codeOf("birth-registration");
    const r = await performCitizenAction(t.db, demoPersonas.binh, "amend", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { hometown: "mother" },
    });
    expect(r).toEqual({ ok: true, status: "prepared", version: birth.version + 1 });
    expect(await declineDossier(t.db, demoPersonas.binh, { dossierCode: birth.code, version: birth.version + 1 })).toEqual({ ok: false, error: "not_declinable" });
    const [event] = (await eventsOf(birth.id)).filter((e) => e.kind === "amended");
    expect(event?.actorId).toBe(demoPersonas.binh);
  });

  it("refuses a stale amend with a conflict and keeps the newer value", async () => {
    const birth = await codeOf("birth-registration");
    const first = await performCitizenAction(t.db, demoPersonas.an, "amend", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang" },
    });
    expect(first).toEqual({ ok: true, status: "prepared", version: birth.version + 1 });
    const stale = await performCitizenAction(t.db, demoPersonas.an, "amend", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Quân" },
    });
    // The conflict says who changed what, and when, so the stale tab can show it instead of dropping the edit.
    expect(stale).toMatchObject({
      ok: false,
      error: "conflict",
      version: birth.version + 1,
      latest: { byYou: true, byName: "Nguyễn Văn An", status: "prepared", values: { childName: "Nguyễn Minh Khang", hometown: "mother" } },
    });
    expect((await codeOf("birth-registration")).citizenData).toEqual({ childName: "Nguyễn Minh Khang", hometown: "mother" });

    const another = await performCitizenAction(t.db, demoPersonas.an, "amend", {
      dossierCode: birth.code,
      version: birth.version + 1,
      idempotencyKey: randomUUID(),
      input: { hometown: "father" },
    });
    expect(another).toMatchObject({ ok: true });
    expect((await codeOf("birth-registration")).citizenData).toEqual({ childName: "Nguyễn Minh Khang", hometown: "father" });
  });

  it("submits once however many times the same confirm arrives", async () => {
    const birth = await codeOf("birth-registration");
    const req = {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => performCitizenAction(t.db, demoPersonas.an, "confirm", req)),
    );
    for (const r of results) expect(r).toEqual({ ok: true, status: "submitted", version: birth.version + 1 });
    const submits = (await eventsOf(birth.id)).filter((e) => e.toStatus === "submitted");
    expect(submits).toHaveLength(1);
    expect(submits[0]?.actorId).toBe(demoPersonas.an);
    // The web's confirm names no origin; the other parent's SMS still carries a link a phone can open.
    const toBinh = await t.db.select().from(smsOutbox).where(and(eq(smsOutbox.phone, "0905000002"), like(smsOutbox.dedupeKey, "event:%")));
    expect(toBinh.map((m) => m.body)).toEqual([expect.stringMatching(/ Phan doi truoc \d{2}\/\d{2}: http:\/\/localhost:3000\/s\/[\w-]{22} /)]);

    const mismatch = await performCitizenAction(t.db, demoPersonas.an, "confirm", { ...req, input: { ...req.input, delivery: "digital" } });
    expect(mismatch).toEqual({ ok: false, error: "idempotency_mismatch" });
    const again = await performCitizenAction(t.db, demoPersonas.an, "confirm", { ...req, idempotencyKey: randomUUID() });
    expect(again).toMatchObject({ ok: false, error: "not_editable", status: "submitted", latest: { byYou: true, status: "submitted" } });

    // The mother's stale tab learns that the father submitted, when, and with which name.
    const binhStale = await performCitizenAction(t.db, demoPersonas.binh, "confirm", {
      ...req,
      idempotencyKey: randomUUID(),
      input: { ...req.input, childName: "Trần Minh Khôi" },
    });
    expect(binhStale).toMatchObject({
      ok: false,
      error: "not_editable",
      latest: { byYou: false, byName: "Nguyễn Văn An", values: { childName: "Nguyễn Minh Khang" } },
    });
    expect(Date.parse((binhStale as { latest: { at: string } }).latest.at)).not.toBeNaN();
    const after = await codeOf("birth-registration");
    expect(after.status).toBe("submitted");
    expect(after.slaDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("confirms a licence renewal with the registry's values", async () => {
    const licence = await codeOf("medical-licence-renewal");
    const r = await performCitizenAction(t.db, demoPersonas.cuc, "confirm", {
      dossierCode: licence.code,
      version: licence.version,
      idempotencyKey: randomUUID(),
      input: { practiceAddress: String(licence.prefilled.address), cmeHours: "136", delivery: "digital" },
      consent: true,
    });
    expect(r).toMatchObject({ ok: true, status: "submitted" });
  });
});

describe.each(await testDatabaseKinds())("declining on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
  });
  afterAll(async () => t?.close());

  it("lets a citizen decline a renewal once, but never a birth registration", async () => {
    const [badge] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration"));
    expect(await declineDossier(t.db, demoPersonas.an, { dossierCode: birth!.code, version: birth!.version })).toEqual({ ok: false, error: "not_declinable" });
    expect(await declineDossier(t.db, demoPersonas.an, { dossierCode: badge!.code, version: badge!.version })).toEqual({ ok: false, error: "not_found" });
    expect(await declineDossier(t.db, demoPersonas.dung, { dossierCode: badge!.code, version: badge!.version })).toEqual({ ok: true });
    expect(await declineDossier(t.db, demoPersonas.dung, { dossierCode: badge!.code, version: badge!.version })).toEqual({ ok: false, error: "not_declinable" });
    const events = await t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, badge!.id));
    expect(events.map((e) => e.toStatus)).toEqual(["prepared", "declined"]);
  });
});
