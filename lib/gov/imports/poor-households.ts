import { sql } from "drizzle-orm";
import { z } from "zod";
import { socialProtectionList } from "../../db/schema";
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
  code: LIST,
  requiredColumns: ["household_head_id", "category", "members", "commune", "year"],
  optionalColumns: [],
  row,
  key: (r) => `${r.year}:${r.household_head_id}`,
  citizenColumn: "household_head_id",
  citizenId: (r) => r.household_head_id,
  async upsert(db, rows) {
    const t = socialProtectionList;
    const written = await db
      .insert(t)
      .values(
        rows.map((r) => ({
          listName: LIST,
          year: r.year,
          householdHeadId: r.household_head_id,
          category: r.category,
          members: r.members,
          commune: r.commune,
        })),
      )
      .onConflictDoUpdate({
        target: [t.listName, t.year, t.householdHeadId],
        set: { category: sql`excluded.category`, members: sql`excluded.members`, commune: sql`excluded.commune` },
        setWhere: sql`(${t.category}, ${t.members}, ${t.commune}) IS DISTINCT FROM (excluded.category, excluded.members, excluded.commune)`,
      })
      .returning({ id: t.id });
    return written.length;
  },
  feeds: (trigger) => trigger.kind === "list" && trigger.list === LIST,
};
