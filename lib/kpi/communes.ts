import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";

const row = z.object({ commune: z.string() });
const collator = new Intl.Collator("vi");

/** Communes (of the dossiers' owners) that have at least one dossier, for the dashboard's filter. */
export async function communesWithDossiers(db: Executor): Promise<string[]> {
  const rows = await queryRows<unknown>(db, sql`
    SELECT DISTINCT c.commune FROM dossiers d JOIN citizens c ON c.id = d.owner_id`);
  // Sorted here, not in SQL, so the order does not depend on the database's collation.
  return rows.map((r) => row.parse(r).commune).sort(collator.compare);
}
