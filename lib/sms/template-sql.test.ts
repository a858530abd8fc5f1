import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../db/client";
import { catalogue } from "../services/catalogue";
import { renderTemplate } from "../services/render";
import { smsTemplates } from "./templates";
import { templateSql } from "./template-sql";

const values: Record<string, string> = {
  salutation: "Ong",
  firstName: "Dung",
  link: "https://dichvucong.danang.gov.vn/s/AbCd",
  matchCode: "0482",
  subjectPlate: "43B-123.45",
  childFirstName: "Khanh",
  code: "HS-2026-000123",
};
const texts = [...catalogue.map((s) => s.sms), ...Object.values(smsTemplates).map((t) => t.text), "", "{firstName}", "no placeholder"];

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dir: "memory://" });
});
afterAll(() => database.close());

describe("templateSql", () => {
  it("renders every template as the JavaScript renderer does, leaving unsupplied placeholders as written", async () => {
    // salutation and firstName are SQL expressions; the rest come from the row's jsonb, as in the engine.
    const { salutation, firstName, ...rest } = values;
    for (const text of texts) {
      const compiled = templateSql(text, { salutation: sql`${salutation}`, firstName: sql`lower(${firstName})` }, sql`${JSON.stringify(rest)}::jsonb`);
      const [row] = await queryRows<{ body: string }>(database.db, sql`SELECT ${compiled} AS body`);
      expect(row!.body).toBe(renderTemplate(text, { ...values, firstName: firstName!.toLowerCase() }));
    }
  });

  it("keeps a value's own braces and quotes as text, never as SQL or as another placeholder", async () => {
    const hostile = "'); DROP TABLE dossiers; -- {link}";
    const compiled = templateSql("A {firstName} B {link}", { firstName: sql`${hostile}` }, sql`${JSON.stringify({ link: "x" })}::jsonb`);
    const [row] = await queryRows<{ body: string }>(database.db, sql`SELECT ${compiled} AS body`);
    expect(row!.body).toBe(`A ${hostile} B x`);
  });
});
