import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { addDays } from "../dates";
import { addWorkingDays } from "../calendar/working-days";
import { performCitizenAction } from "./citizen-actions";
import { performOfficerAction } from "./officer-actions";
import { NEEDS_INFO_WORKING_DAYS } from "./status";
import { transition } from "./transition";
import { provisionalProof } from "./provisional-proof";

const TODAY = "2026-11-23";
const ORIGIN = "https://dvc.example.vn";

describe.each(await testDatabaseKinds())("one lifecycle on $name", ({ open }) => {
  let t: TestDatabase;
  const dossierOf = async (service: string) => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;
  const officer = (agency: string, d: { code: string; version: number }, action: string, today: string, note?: string) =>
    performOfficerAction(t.db, { username: agency, agency }, { dossierCode: d.code, version: d.version, action, note }, { origin: ORIGIN, today });
  const confirm = (citizen: string, d: { code: string; version: number }, input: Record<string, string>, today: string) =>
    performCitizenAction(t.db, citizen, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input, consent: true }, { origin: ORIGIN, today });

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("writes the status and its event only through transition(), and refuses a move the table does not allow", async () => {
    const d = await dossierOf("tour-guide-card-renewal");
    const before = await t.db.$count(dossierEvents, eq(dossierEvents.dossierId, d.id));
    const refused = await t.db.transaction((tx) =>
      transition(tx, { dossierId: d.id, version: d.version, to: "approved", actor: { kind: "officer", id: "dulich" }, today: TODAY, origin: ORIGIN }),
    );
    expect(refused).toMatchObject({ ok: false, error: "not_allowed", status: "prepared" });
    const byWrongActor = await t.db.transaction((tx) =>
      transition(tx, { dossierId: d.id, version: d.version, to: "submitted", actor: { kind: "officer", id: "dulich" }, today: TODAY, origin: ORIGIN }),
    );
    expect(byWrongActor).toMatchObject({ ok: false, error: "not_allowed" });
    const stale = await t.db.transaction((tx) =>
      transition(tx, { dossierId: d.id, version: d.version - 1 || 99, to: "declined", actor: { kind: "citizen", id: demoPersonas.giang }, today: TODAY, origin: ORIGIN }),
    );
    expect(stale).toMatchObject({ ok: false, error: "conflict", version: d.version });
    expect(await t.db.$count(dossierEvents, eq(dossierEvents.dossierId, d.id))).toBe(before);
    expect((await dossierOf("tour-guide-card-renewal")).version).toBe(d.version);
  });

  it("gives a renewal confirmed in time a temporary validity proof when the decision comes after the expiry", async () => {
    let d = await dossierOf("medical-licence-renewal");
    const expiresOn = String(d.prefilled.expiresOn);
    expect(provisionalProof(d, TODAY)).toBeUndefined();
    expect(await confirm(demoPersonas.cuc, d, { practiceAddress: "402 Lê Văn Hiến", cmeHours: "136", delivery: "digital" }, d.confirmDeadline)).toMatchObject({ ok: true });
    d = await dossierOf("medical-licence-renewal");
    expect(d.provisionalCode).toMatch(/^[A-Za-z0-9_-]{14}$/);
    // Before the expiry the licence itself is valid: no proof needed yet.
    expect(provisionalProof(d, addDays(expiresOn, -1))).toBeUndefined();
    expect(provisionalProof(d, addDays(expiresOn, 1))).toEqual({
      code: d.provisionalCode,
      licenceNumber: d.prefilled.licenceNumber,
      expiredOn: expiresOn,
      dossierCode: d.code,
    });
    expect(await officer("yte", d, "receive", addDays(expiresOn, 1))).toMatchObject({ ok: true });
    d = await dossierOf("medical-licence-renewal");
    expect(await officer("yte", d, "approve", addDays(expiresOn, 2))).toMatchObject({ ok: true });
    d = await dossierOf("medical-licence-renewal");
    // Decided: the renewed licence replaces the proof.
    expect(provisionalProof(d, addDays(expiresOn, 2))).toBeUndefined();
  });
  // Last: its scans move the simulated day past the other dossiers' deadlines.
  it("gives a dossier sent back for more information a new deadline, a reminder, and no expiry by the old one", async () => {
    let d = await dossierOf("veterinary-cert-renewal");
    const original = d.confirmDeadline;
    expect(await confirm(demoPersonas.hai, d, { delivery: "digital" }, TODAY)).toMatchObject({ ok: true, status: "submitted" });
    d = await dossierOf("veterinary-cert-renewal");
    expect(await officer("thuy", d, "receive", TODAY)).toMatchObject({ ok: true });
    d = await dossierOf("veterinary-cert-renewal");
    // Sent back the day before the original confirmation deadline.
    const askedOn = addDays(original, -1);
    expect(await officer("thuy", d, "request_info", askedOn, "Bổ sung ảnh chứng chỉ cũ")).toMatchObject({ ok: true, status: "needs_info" });
    d = await dossierOf("veterinary-cert-renewal");
    expect(d.confirmDeadline).toBe(addWorkingDays(askedOn, NEEDS_INFO_WORKING_DAYS));
    expect(d.awaitingSince).toBe(askedOn);
    const [asked] = await t.db.select().from(smsOutbox).where(like(smsOutbox.body, `%${d.code} can bo sung%`));
    expect(asked?.body).toContain(`truoc ${d.confirmDeadline.slice(8, 10)}/${d.confirmDeadline.slice(5, 7)}/${d.confirmDeadline.slice(0, 4)}`);

    await scan(t.db, { today: addDays(original, 2), origin: ORIGIN });
    expect((await dossierOf("veterinary-cert-renewal")).status).toBe("needs_info");

    await scan(t.db, { today: addDays(d.confirmDeadline, -7), origin: ORIGIN });
    await scan(t.db, { today: addDays(d.confirmDeadline, -6), origin: ORIGIN });
    const reminders = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `reminder:${d.id}:${d.confirmDeadline}`));
    expect(reminders).toHaveLength(1);

    await scan(t.db, { today: addDays(d.confirmDeadline, 1), origin: ORIGIN });
    expect((await dossierOf("veterinary-cert-renewal")).status).toBe("expired");
  });
});
