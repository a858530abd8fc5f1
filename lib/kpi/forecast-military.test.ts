import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { citizens } from "../db/schema";
import { forecastDossiers } from "./forecast";

const COMMUNE = "Phường Thử Nghiệm Quân Sự";
const person = (n: number, birthDate: string, sex: "male" | "female") => ({
  id: `04842000009${n}`,
  fullName: `Người Thử ${n}`,
  birthDate,
  sex,
  commune: COMMUNE,
  province: "Thành phố Đà Nẵng",
});

// The military-service rule is due in April of the year a man turns 17 (Luật NVQS 2015, Điều 16) and
// prepared from 2 March: the forecast follows the rule, whatever the birthdays.
describe.each(await testDatabaseKinds())("the military-service forecast on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await t.db.insert(citizens).values([
      person(1, "2010-01-20", "male"),
      person(2, "2010-12-31", "male"),
      person(3, "2010-06-01", "female"),
      person(4, "2011-01-01", "male"),
      person(5, "2009-12-31", "male"),
    ]);
  });
  afterAll(async () => t?.close());

  const military = async (today: string) => (await forecastDossiers(t.db, { today, service: "military-service-registration", commune: COMMUNE }))[0];

  it("counts the men of the year on the day their April registration is prepared, not on their birthdays", async () => {
    // 2 March 2027 is 15 days after 15 February and 77 after 15 December 2026.
    expect(await military("2027-02-15")).toMatchObject({ method: "registry", next30: 2, next90: 2 });
    expect(await military("2026-12-15")).toMatchObject({ next30: 0, next90: 2 });
    // His birthday on 20 January 2027 is within 90 days of 20 November 2026, but his registration is not.
    expect(await military("2026-11-20")).toBeUndefined();
    // Once April's registration is open they are due now (a dossier at the next scan), not forecast.
    expect(await military("2027-04-10")).toBeUndefined();
  });
});
