import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds } from "../db/test-databases";
import { demoPersonas } from "../gov/demo-world";
import { growthPersonas } from "../gov/demo-growth-world";
import { seededWorld } from "../gov/test-world";
import { dataAccessLog, familyRelations, householdReminders } from "../db/schema";
import { addDays } from "../dates";
import { day, HOUSEHOLD_PURPOSE, householdUpcoming, optInReminder } from "./upcoming";

describe("a date column's day", () => {
  it("is the Vietnamese day even when the driver made the date a local midnight east of UTC", () => {
    // What node-postgres hands back for date '2026-11-23' on a server running at +07.
    expect(day(new Date("2026-11-23T00:00:00+07:00"))).toBe("2026-11-23");
    expect(day(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(day("2026-11-23")).toBe("2026-11-23");
  });
});

const TODAY = "2026-11-23";
const NOW = new Date(`${TODAY}T09:00:00+07:00`);
const ORIGIN = "https://dichvucong.danang.gov.vn";

describe.each(await testDatabaseKinds())("the household's next 12 months on $name", ({ open }) => {
  const world = seededWorld(open, TODAY);

  it("lists what the rules make due for the citizen's children, when it will be prepared, and logs each read", async () => {
    const t = world();
    const items = await householdUpcoming(t.db, growthPersonas.mai, TODAY);
    const of = (code: string, personId: string) => items.find((i) => i.service.code === code && i.personId === personId);
    expect(of("first-citizen-id", growthPersonas.khoi)).toMatchObject({ dueOn: addDays(TODAY, 10), prepareOn: TODAY });
    expect(of("first-citizen-id", growthPersonas.duc)).toMatchObject({ dueOn: addDays(TODAY, 150), prepareOn: addDays(TODAY, 120) });
    expect(of("child-health-insurance-at-six", growthPersonas.ngoc)).toMatchObject({ dueOn: addDays(TODAY, 12) });
    expect(of("lower-secondary-enrollment", growthPersonas.han)).toBeDefined();
    const log = await t.db.select().from(dataAccessLog).where(and(eq(dataAccessLog.purpose, HOUSEHOLD_PURPOSE), eq(dataAccessLog.citizenId, growthPersonas.khoi)));
    expect(new Set(log.map((l) => l.dataset))).toEqual(new Set(["population"]));
  });

  it("shows an adult relative's records to no one but them (a grown child, a parent)", async () => {
    const t = world();
    // Lê Thị Cúc's medical licence expires within the year; make her Mai's grown child, recorded both ways.
    await t.db.insert(familyRelations).values([
      { citizenId: growthPersonas.mai, relativeId: demoPersonas.cuc, relation: "child" },
      { citizenId: demoPersonas.cuc, relativeId: growthPersonas.mai, relation: "parent" },
    ]);
    const hers = await householdUpcoming(t.db, demoPersonas.cuc, TODAY);
    expect(hers.some((i) => i.service.code === "medical-licence-renewal" && i.personId === demoPersonas.cuc)).toBe(true);
    // Cúc, an adult, sees Mai's children no more than Mai sees Cúc's licence.
    expect(hers.every((i) => i.personId === demoPersonas.cuc)).toBe(true);
    const mai = await householdUpcoming(t.db, growthPersonas.mai, TODAY);
    expect(mai.some((i) => i.personId === demoPersonas.cuc)).toBe(false);
    expect(mai.some((i) => i.personId === growthPersonas.duc)).toBe(true);
    await t.db.delete(familyRelations).where(eq(familyRelations.relativeId, demoPersonas.cuc));
    await t.db.delete(familyRelations).where(eq(familyRelations.citizenId, demoPersonas.cuc));
  });

  it("shows nothing of another family, and refuses a reminder on someone else's record", async () => {
    const t = world();
    const an = await householdUpcoming(t.db, demoPersonas.an, TODAY);
    expect(an.every((i) => [demoPersonas.an, demoPersonas.binh].includes(i.personId as never))).toBe(true);
    const mine = (await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.service.code === "first-citizen-id")!;
    const key = { serviceCode: mine.service.code, subjectKey: mine.subjectKey, triggerPeriod: mine.triggerPeriod };
    const at = { today: TODAY, now: NOW, origin: ORIGIN };
    expect(await optInReminder(t.db, demoPersonas.an, at, key)).toBe(false);
    expect(await optInReminder(t.db, growthPersonas.mai, at, key)).toBe(true);
    expect(await optInReminder(t.db, growthPersonas.mai, at, key)).toBe(true);
    expect(await t.db.$count(householdReminders)).toBe(1);
    expect((await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.service.code === "first-citizen-id")?.reminder).toMatchObject({ remindOn: TODAY });
  });

  it("shows a son's first military-service registration in April of the year he turns 17, from the rule", async () => {
    const t = world();
    // Hồ Văn Tùng turns 17 on 20/08/2027: due by 30/04/2027, prepared a month before April.
    const items = await householdUpcoming(t.db, growthPersonas.tung, TODAY);
    expect(items.find((i) => i.service.code === "military-service-registration")).toMatchObject({
      personId: growthPersonas.tung,
      dueOn: "2027-04-30",
      prepareOn: "2027-03-02",
      triggerPeriod: "17",
    });
  });
});
