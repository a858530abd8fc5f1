import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { ageOn, firstNameOf, salutationFor, salutationSql, unaccentVi } from "./salutation";

describe("forms of address", () => {
  it("says Ong/Ba from the 60th birthday and anh/chi before it", () => {
    expect(ageOn("1966-11-24", "2026-11-23")).toBe(59);
    expect(ageOn("1966-11-23", "2026-11-23")).toBe(60);
    expect(salutationFor({ sex: "male", birthDate: "1966-11-24" }, "2026-11-23")).toBe("anh");
    expect(salutationFor({ sex: "male", birthDate: "1966-11-23" }, "2026-11-23")).toBe("Ong");
    expect(salutationFor({ sex: "female", birthDate: "1990-09-03" }, "2026-11-23")).toBe("chi");
    expect(salutationFor({ sex: "female", birthDate: "1950-01-01" }, "2026-11-23")).toBe("Ba");
  });

  it("writes names without marks, as GSM-7 needs", () => {
    expect(unaccentVi("Nguyễn Thị Ánh Tuyết Đặng")).toBe("Nguyen Thi Anh Tuyet Dang");
    expect(firstNameOf(" Trần Thị  Bình ")).toBe("Bình");
  });
});

describe.each(await testDatabaseKinds())("the engine's salutation on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.close());

  it("follows the same rule in SQL", async () => {
    const cases = [
      ["male", "1966-11-24"],
      ["male", "1966-11-23"],
      ["female", "1990-09-03"],
      ["female", "1950-01-01"],
    ] as const;
    for (const [sex, birthDate] of cases) {
      const [row] = await queryRows<{ s: string }>(t.db, sql`SELECT ${salutationSql(sql`${sex}::text`, sql`${birthDate}::date`, "2026-11-23")} AS s`);
      expect(row?.s, `${sex} ${birthDate}`).toBe(salutationFor({ sex, birthDate }, "2026-11-23"));
    }
  });
});
