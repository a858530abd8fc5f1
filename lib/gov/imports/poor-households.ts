import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { personalId, requiredText, wholeNumber } from "./cells";
import type { ImportDataset } from "./dataset";

const LIST = "poor-households";

const categories: Record<string, "poor" | "near_poor"> = {
  poor: "poor",
  near_poor: "near_poor",
  "near-poor": "near_poor",
  nghèo: "poor",
  "cận nghèo": "near_poor",
};

/** poor | near_poor, or the Vietnamese words, with or without "hộ", in any case. */
const category = z.string().transform((s, ctx) => {
  const value = categories[s.toLowerCase().replace(/\s+/g, " ").replace(/^hộ /, "")];
  if (value) return value;
  ctx.addIssue({ code: "custom", message: "field.category" });
  return z.NEVER;
});

const row = z.object({
  household_head_id: personalId,
  category,
  members: wholeNumber(1, 30, "field.members"),
  commune: requiredText(100),
  year: wholeNumber(2000, 2100, "field.year"),
});

type HouseholdRow = z.infer<typeof row>;

/** The yearly poor / near-poor household list of the ward social affairs offices. */
export const poorHouseholds: ImportDataset<HouseholdRow> = {
  requiredColumns: ["household_head_id", "category", "members", "commune", "year"],
  optionalColumns: [],
  row,
  key: (r) => `${r.year}:${r.household_head_id}`,
  citizenColumn: "household_head_id",
  citizenId: (r) => r.household_head_id,
  async upsert(db, rows) {
    // One JSON parameter per batch: building a 500-row VALUES list costs more than the database's work.
    const [result] = await queryRows<{ written: number }>(db, sql`
      WITH written AS (
        INSERT INTO social_protection_list (list_name, year, household_head_id, category, members, commune)
        SELECT ${LIST}, r.year, r.household_head_id, r.category, r.members, r.commune
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(year int, household_head_id text, category text, members int, commune text)
        ON CONFLICT (list_name, year, household_head_id) DO UPDATE
          SET category = excluded.category, members = excluded.members, commune = excluded.commune
          WHERE (social_protection_list.category, social_protection_list.members, social_protection_list.commune)
            IS DISTINCT FROM (excluded.category, excluded.members, excluded.commune)
        RETURNING 1
      )
      SELECT count(*)::int AS written FROM written`);
    return Number(result?.written ?? 0);
  },
};
