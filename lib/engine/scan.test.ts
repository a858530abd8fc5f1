import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, like, sql } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld, demoPersonas } from "../gov/demo-world";
import { constructionIntents, correctionRequests, dossiers, dossierEvents, dossierParties, smsOutbox, dataAccessLog, deepLinks, licences } from "../db/schema";
import { openDatabase, queryRows, type Database } from "../db/client";
import { scan } from "./scan";
import { addDays } from "../dates";
import { addWorkingDays, subtractWorkingDays } from "../calendar/working-days";
import { RENEWAL_BUFFER_WORKING_DAYS } from "./deadlines";
import { getService } from "../services/catalogue";
import { serviceDefinition } from "../services/definition";

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
    // Seven owners and the newborn's mother, who gets her own SMS.
    expect(first.sms).toBe(8);
    const second = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(Object.values(second.prepared).every((n) => n === 0)).toBe(true);
    expect(second.sms).toBe(0);
    expect(await t.db.$count(smsOutbox)).toBe(8);
  });

  it("gives the birth dossier to the father, shows it to the mother, and texts both", async () => {
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration"));
    expect(birth?.ownerId).toBe(demoPersonas.an);
    expect(birth?.code).toMatch(/^HS-\d{4}-\d{6}$/);
    expect(birth?.prefilled).toMatchObject({ fatherName: "Nguyễn Văn An", motherName: "Trần Thị Bình", childSex: "male" });
    expect(birth?.legalDeadline).toBe(addDays(TODAY, 57));
    const parties = await t.db.select().from(dossierParties).where(eq(dossierParties.dossierId, birth!.id));
    expect(parties.map((p) => [p.citizenId, p.role]).sort()).toEqual([
      [demoPersonas.an, "owner"],
      [demoPersonas.binh, "co-parent"],
    ]);
    const messages = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dossierId, birth!.id)).orderBy(smsOutbox.phone);
    const [link] = await t.db.select().from(deepLinks).where(eq(deepLinks.dossierId, birth!.id));
    expect(messages.map((m) => [m.phone, m.body])).toEqual(
      (
        [
          ["0905000001", "anh An"],
          ["0905000002", "chi Binh"],
        ] as const
      ).map(([phone, who]) => [
        phone,
        `DVC Da Nang: Chuc mung ${who}! Ho so khai sinh da san sang, dat ten cho be: ${ORIGIN}/s/${link!.code} Ma doi chieu ${link!.matchCode}`,
      ]),
    );
    expect(link!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const access = await t.db.select().from(dataAccessLog).where(eq(dataAccessLog.dossierId, birth!.id));
    expect(new Set(access.map((a) => a.citizenId))).toEqual(new Set([demoPersonas.an, demoPersonas.binh]));
    expect(new Set(access.map((a) => a.dataset))).toEqual(new Set(["birth-notices", "population"]));
  });

  it("gives every dossier it prepared all its side rows, and leaves no side row without its dossier", async () => {
    const [gaps] = await queryRows<Record<string, number>>(
      t.db,
      sql`SELECT
        (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_parties p WHERE p.dossier_id = d.id AND p.citizen_id = d.owner_id AND p.role = 'owner'))::int AS no_owner_party,
        (SELECT count(*) FROM dossiers d WHERE (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.to_status = 'prepared') <> 1)::int AS not_one_prepared_event,
        (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM deep_links l WHERE l.dossier_id = d.id))::int AS no_link,
        (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM sms_outbox s WHERE s.dossier_id = d.id))::int AS no_sms,
        (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM data_access_log a WHERE a.dossier_id = d.id AND a.citizen_id = d.owner_id))::int AS no_access_row,
        (SELECT count(*) FROM dossiers x WHERE NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = x.owner_id))::int AS orphan_owners,
        (SELECT count(*) FROM dossier_parties x WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = x.dossier_id)
          OR NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = x.citizen_id))::int AS orphan_parties,
        (SELECT count(*) FROM dossier_events x WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = x.dossier_id))::int AS orphan_events,
        (SELECT count(*) FROM deep_links x WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = x.dossier_id))::int AS orphan_links,
        (SELECT count(*) FROM sms_outbox x WHERE x.dossier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = x.dossier_id))::int AS orphan_sms,
        (SELECT count(*) FROM data_access_log x WHERE x.dossier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = x.dossier_id))::int AS orphan_access,
        (SELECT count(*) FROM dossiers)::int AS dossiers`,
    );
    expect(gaps).toEqual({
      no_owner_party: 0,
      not_one_prepared_event: 0,
      no_link: 0,
      no_sms: 0,
      no_access_row: 0,
      orphan_owners: 0,
      orphan_parties: 0,
      orphan_events: 0,
      orphan_links: 0,
      orphan_sms: 0,
      orphan_access: 0,
      dossiers: 7,
    });
  });

  it("refuses to delete a dossier or a citizen, which parties and deep links name without a foreign key", async () => {
    const refusal = (q: Promise<unknown>) => q.then(() => "allowed", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(t.db.execute(sql`DELETE FROM dossiers WHERE service_code = 'birth-registration'`))).toMatch(/dossiers keeps its rows: DELETE refused/);
    expect(await refusal(t.db.execute(sql`DELETE FROM citizens WHERE id = ${demoPersonas.binh}`))).toMatch(/citizens keeps its rows: DELETE refused/);
    expect(await t.db.$count(dossiers)).toBe(7);
  });

  it("prepares a renewal only inside the notice window", async () => {
    const badges = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    expect(badges.map((d) => d.prefilled.subject)).toEqual(["43B-123.45"]);
    await t.db.update(licences).set({ expiresOn: addDays(TODAY, 14) }).where(eq(licences.subject, "43B-678.90"));
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN, chunkSize: 1 });
    expect(run.prepared["transport-badge-renewal"]).toBe(1);
    expect(Object.values(run.prepared).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe.each(await testDatabaseKinds())("a ninth service defined only as data on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => t?.close());

  it("prepares pharmacy certificate renewals with no new engine code", async () => {
    const pharmacy = serviceDefinition.parse({
      ...getService("veterinary-cert-renewal"),
      code: "pharmacy-cert-renewal",
      shortName: { vi: "Gia hạn chứng nhận đủ điều kiện kinh doanh dược", en: "Renew your pharmacy certificate" },
      trigger: { ...getService("veterinary-cert-renewal").trigger, daysBefore: 30, renewYears: 3 },
    });
    await t.db.insert(licences).values({
      kind: "veterinary",
      number: "048/CCHN-TY-0999",
      holderId: demoPersonas.cuc,
      issuer: "Chi cục Chăn nuôi và Thú y Đà Nẵng",
      expiresOn: addDays(TODAY, 20),
    });
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN, services: [pharmacy] });
    expect(run.prepared).toEqual({ "pharmacy-cert-renewal": 1 });
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "pharmacy-cert-renewal"));
    expect(d).toMatchObject({ ownerId: demoPersonas.cuc, status: "prepared" });
  });
});

describe.each(await testDatabaseKinds())("reminders and expiry on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: ORIGIN });
  });
  afterAll(async () => t?.close());

  it("sends one reminder when the confirmation deadline is a week away, then expires the dossier", async () => {
    const [badge] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    const weekBefore = addDays(badge!.confirmDeadline, -7);
    const first = await scan(t.db, { today: weekBefore, origin: ORIGIN });
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    await scan(t.db, { today: addDays(weekBefore, 1), origin: ORIGIN });
    const reminders = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `reminder:${badge!.id}:%`));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body).toMatch(/^DVC Da Nang: anh Dung, gia han phu hieu xe: xac nhan truoc \d{2}\/\d{2}: https:\/\/chudong\.example\.vn\/s\/\S+ Ma doi chieu \d{4}$/);
    expect(reminders[0]!.body.length).toBeLessThanOrEqual(160);

    const after = await scan(t.db, { today: addDays(badge!.confirmDeadline, 1), origin: ORIGIN });
    expect(after.expired).toBeGreaterThanOrEqual(1);
    const [expired] = await t.db.select().from(dossiers).where(eq(dossiers.id, badge!.id));
    expect(expired?.status).toBe("expired");
    const events = await t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, badge!.id));
    expect(events.map((e) => e.toStatus)).toEqual(["prepared", "expired"]);
  });

  it("neither reminds nor expires a dossier whose confirmation a Báo sai holds", async () => {
    // The latest deadline still waiting: the test above has scanned days ahead already.
    const [card] = await t.db.select().from(dossiers).where(eq(dossiers.status, "prepared")).orderBy(desc(dossiers.confirmDeadline)).limit(1);
    await t.db.insert(correctionRequests).values({
      dossierId: card!.id, citizenId: card!.ownerId, fieldKey: "fullName", dataset: "population", agency: "congan", effect: "wait", reason: "Sai tên",
    });
    const weekBefore = addDays(card!.confirmDeadline, -7);
    await scan(t.db, { today: weekBefore, origin: ORIGIN });
    await scan(t.db, { today: addDays(card!.confirmDeadline, 3), origin: ORIGIN });
    const [held] = await t.db.select().from(dossiers).where(eq(dossiers.id, card!.id));
    expect(held?.status).toBe("prepared");
    expect(await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `reminder:${card!.id}:%`))).toHaveLength(0);
  });

  it("gives a renewal a confirmation deadline of the expiry minus the service's SLA and a buffer", async () => {
    const [badge] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    const expiresOn = String(badge!.prefilled.expiresOn);
    expect(badge!.legalDeadline).toBe(expiresOn);
    const sla = getService("transport-badge-renewal").slaWorkingDays;
    expect(badge!.confirmDeadline).toBe(subtractWorkingDays(expiresOn, sla + RENEWAL_BUFFER_WORKING_DAYS));
    // Confirmed on the deadline, the agency's SLA still ends before the old badge expires.
    expect(addWorkingDays(badge!.confirmDeadline, sla) < expiresOn).toBe(true);
  });
});

describe.each((await testDatabaseKinds()).filter((k) => k.name === "postgres"))("two engine instances at once on $name", ({ open }) => {
  let t: TestDatabase;
  let other: Database;
  beforeAll(async () => {
    t = await open();
    other = await openDatabase({ url: t.url });
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("prepares each dossier once and sends each SMS once when two processes scan together", async () => {
    const runs = await Promise.all([
      scan(t.db, { today: TODAY, origin: ORIGIN, chunkSize: 1 }),
      scan(other.db, { today: TODAY, origin: ORIGIN, chunkSize: 1 }),
      scan(t.db, { today: TODAY, origin: ORIGIN }),
      scan(other.db, { today: TODAY, origin: ORIGIN }),
    ]);
    const prepared = runs.flatMap((r) => Object.values(r.prepared)).reduce((a, b) => a + b, 0);
    expect(prepared).toBe(7);
    expect(runs.reduce((a, r) => a + r.sms, 0)).toBe(8);
    expect(await t.db.$count(dossiers)).toBe(7);
    expect(await t.db.$count(smsOutbox)).toBe(8);
  });
});

describe.each(await testDatabaseKinds())("construction intents on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => t?.close());

  it("assembles a building-permit dossier when a construction intent is filed, and only a recent one", async () => {
    await t.db.insert(constructionIntents).values([
      { ownerId: demoPersonas.hai, parcel: "Thửa 112, tờ bản đồ 7", address: "102 Ông Ích Khiêm, Phường Hải Châu", filedOn: addDays(TODAY, -2) },
      { ownerId: demoPersonas.giang, parcel: "Thửa 9, tờ bản đồ 3", address: "27 Trần Phú, Phường Hải Châu", filedOn: addDays(TODAY, -90) },
    ]);
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN, services: [getService("house-building-support")] });
    expect(run.prepared).toEqual({ "house-building-support": 1 });
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "house-building-support"));
    expect(d).toMatchObject({ ownerId: demoPersonas.hai, prefilled: expect.objectContaining({ parcel: "Thửa 112, tờ bản đồ 7" }) });
  });
});
