import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { birthNotices, citizens, enrollmentPeriods, familyRelations, licences, socialProtectionList } from "../db/schema";
import { getService } from "../services/catalogue";
import { addDays, daysBetween } from "../dates";
import { forecastDossiers, type ForecastRow } from "./forecast";
import * as clock from "../clock";

const TODAY = clock.today();
const YEAR = Number(TODAY.slice(0, 4));
const A = "Phường Thử Nghiệm A";
const B = "Xã Thử Nghiệm B";

const medical = getService("medical-licence-renewal");
const badge = getService("transport-badge-renewal");
const daysBefore = (s: typeof medical) => (s.trigger.kind === "window" ? s.trigger.daysBefore : 0);

// Medical licences by the day (after today) the engine will first see them due: expires_on − daysBefore.
const medicalDueIn: Record<string, number[]> = {
  [A]: [-3, 0, 1, 10, 30, 31, 89, 90, 91, 200],
  [B]: [5, 60],
};
const BIRTHS_IN_A_LAST_YEAR = 73;

let seq = 0;
const citizen = (commune: string, birthDate = "1985-01-01") => ({
  id: `0489${String(++seq).padStart(8, "0")}`,
  fullName: `Người Thử ${seq}`,
  birthDate,
  sex: "female" as const,
  commune,
  province: "Thành phố Đà Nẵng",
});

describe.each(await testDatabaseKinds())("forecast against a known world on $name", ({ open }) => {
  let t: TestDatabase;
  let rows: ForecastRow[];
  const find = (service: string, commune: string) => rows.find((r) => r.service === service && r.commune === commune);

  beforeAll(async () => {
    t = await open();
    for (const [commune, days] of Object.entries(medicalDueIn)) {
      for (const [i, d] of days.entries()) {
        const holder = citizen(commune);
        await t.db.insert(citizens).values(holder);
        await t.db.insert(licences).values({
          kind: "medical",
          number: `T-${commune.length}-${i}`,
          holderId: holder.id,
          issuer: "Sở Y tế",
          expiresOn: addDays(TODAY, daysBefore(medical) + d),
        });
      }
    }
    // One badge due in 5 days in B, one already in its window today (a dossier now, not a forecast).
    for (const [i, d] of [5, -1].entries()) {
      const holder = citizen(B);
      await t.db.insert(citizens).values(holder);
      await t.db.insert(licences).values({ kind: "transport-badge", number: `B-${i}`, holderId: holder.id, issuer: "Sở Xây dựng", expiresOn: addDays(TODAY, daysBefore(badge) + d) });
    }
    // Births: 73 in A over the last year (one every 5 days) and one older than a year, which does not count.
    const mother = citizen(A);
    await t.db.insert(citizens).values(mother);
    await t.db.insert(birthNotices).values(
      [...Array.from({ length: BIRTHS_IN_A_LAST_YEAR }, (_, i) => -i * 5), -400].map((d, i) => ({
        certificateNo: `GCS-T-${i}`,
        hospital: "Bệnh viện Thử",
        birthDate: addDays(TODAY, d),
        sex: "male" as const,
        motherId: mother.id,
      })),
    );
    // An enrolment period opens in 45 days: one child of that age in B, with two parents (one dossier).
    const parent1 = citizen(B);
    const parent2 = citizen(B);
    // The enrolment year is the year the period opens in, whatever today's date (one clock, any date).
    const opensOn = addDays(TODAY, 45);
    const enrolmentYear = Number(opensOn.slice(0, 4));
    const child = citizen(B, `${enrolmentYear - 6}-03-01`);
    await t.db.insert(citizens).values([parent1, parent2, child]);
    await t.db.insert(familyRelations).values([
      { citizenId: parent1.id, relativeId: child.id, relation: "child" },
      { citizenId: parent2.id, relativeId: child.id, relation: "child" },
    ]);
    await t.db.insert(enrollmentPeriods).values({ year: enrolmentYear, opensOn, closesOn: addDays(TODAY, 75) });
    // Next year's poor-household list, already published: two households in A, due on 1 January.
    for (let i = 0; i < 2; i++) {
      const head = citizen(A);
      await t.db.insert(citizens).values(head);
      await t.db.insert(socialProtectionList).values({ listName: "poor-households", year: YEAR + 1, householdHeadId: head.id, category: "poor", members: 3, commune: A });
    }
    rows = await forecastDossiers(t.db, { today: TODAY });
  });

  afterAll(async () => t?.close());

  it("counts each licence on the day it enters its renewal window, from tomorrow on", () => {
    // A: due in 1, 10, 30 → 3 within 30 days; plus 31, 89, 90 → 6 within 90; −3, 0, 91, 200 never.
    expect(find("medical-licence-renewal", A)).toEqual({ service: "medical-licence-renewal", commune: A, method: "registry", next30: 3, next90: 6 });
    expect(find("medical-licence-renewal", B)).toMatchObject({ next30: 1, next90: 2 });
    expect(find("transport-badge-renewal", B)).toMatchObject({ method: "registry", next30: 1, next90: 1 });
  });

  it("projects births at last year's pace", () => {
    expect(find("birth-registration", A)).toEqual({
      service: "birth-registration",
      commune: A,
      method: "rate",
      next30: Math.round((BIRTHS_IN_A_LAST_YEAR * 30) / 365),
      next90: Math.round((BIRTHS_IN_A_LAST_YEAR * 90) / 365),
    });
  });

  it("counts one school place per child when the published enrolment period opens", () => {
    expect(find("school-enrollment", B)).toMatchObject({ method: "registry", next30: 0, next90: 1 });
  });

  it("counts next year's list on 1 January", () => {
    const inDays = daysBetween(TODAY, `${YEAR + 1}-01-01`);
    const expected = { next30: inDays <= 30 ? 2 : 0, next90: inDays <= 90 ? 2 : 0 };
    if (expected.next90 === 0) expect(find("poor-household-support", A)).toBeUndefined();
    else expect(find("poor-household-support", A)).toMatchObject(expected);
  });

  it("filters by service and commune", async () => {
    const only = await forecastDossiers(t.db, { today: TODAY, service: "medical-licence-renewal", commune: B });
    expect(only).toEqual([{ service: "medical-licence-renewal", commune: B, method: "registry", next30: 1, next90: 2 }]);
  });
});
