import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld, demoPersonas } from "../gov/demo-world";
import { dossiers, dossierParties, smsOutbox, dataAccessLog, deepLinks, licences } from "../db/schema";
import { scan } from "./scan";
import { addDays } from "../dates";

const TODAY = "2026-11-23";
const ORIGIN = "https://chudong.example.vn";

describe.each(await testDatabaseKinds())("engine scan on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => t?.close());

  it("prepares the demo dossiers from registry data, once", async () => {
    const first = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(first.prepared).toMatchObject({
      "birth-registration": 1,
      "medical-licence-renewal": 1,
      "transport-badge-renewal": 1,
      "tour-guide-card-renewal": 1,
      "veterinary-cert-renewal": 1,
      "poor-household-support": 1,
      "school-enrollment": 1,
    });
    expect(first.sms).toBe(7);
    const second = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(Object.values(second.prepared).every((n) => n === 0)).toBe(true);
    expect(second.sms).toBe(0);
    expect(await t.db.$count(smsOutbox)).toBe(7);
  });

  it("gives the birth dossier to the father, shows it to the mother, and texts the father", async () => {
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration"));
    expect(birth?.ownerId).toBe(demoPersonas.an);
    expect(birth?.code).toMatch(/^HS-\d{4}-\d{6}$/);
    expect(birth?.prefilled).toMatchObject({ fatherName: "Nguyễn Văn An", motherName: "Trần Thị Bình", childSex: "male" });
    expect(birth?.legalDeadline).toBe(addDays(TODAY, 57));
    const parties = await t.db.select().from(dossierParties).where(eq(dossierParties.dossierId, birth!.id));
    expect(parties.map((p) => [p.citizenId, p.role]).sort()).toEqual([
      [demoPersonas.an, "owner"],
      [demoPersonas.binh, "viewer"],
    ]);
    const [message] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dossierId, birth!.id));
    const [link] = await t.db.select().from(deepLinks).where(eq(deepLinks.dossierId, birth!.id));
    expect(message?.phone).toBe("0905000001");
    expect(message?.body).toBe(
      `DVC Da Nang: Chuc mung anh An! Ho so khai sinh cho be da duoc chuan bi san. Dat ten va xac nhan: ${ORIGIN}/s/${link!.code} Ma doi chieu ${link!.matchCode}`,
    );
    expect(link!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const access = await t.db.select().from(dataAccessLog).where(eq(dataAccessLog.dossierId, birth!.id));
    expect(new Set(access.map((a) => a.citizenId))).toEqual(new Set([demoPersonas.an, demoPersonas.binh]));
    expect(new Set(access.map((a) => a.dataset))).toEqual(new Set(["birth-notices", "population"]));
  });

  it("prepares a renewal only inside the notice window", async () => {
    const badges = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    expect(badges.map((d) => d.prefilled.subject)).toEqual(["43B-123.45"]);
    await t.db.update(licences).set({ expiresOn: addDays(TODAY, 14) }).where(eq(licences.subject, "43B-678.90"));
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(run.prepared["transport-badge-renewal"]).toBe(1);
  });
});
