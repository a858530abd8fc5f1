import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "../db/client";
import * as clock from "../clock";
import type { DatasetCode } from "../gov/datasets";

interface DossierRef {
  id: string;
  ownerId: string;
  subjectKey: string;
  triggerPeriod: string;
  prefilled: Record<string, unknown>;
}

/** One registry row's column(s) to set, and the dossier columns that name the row (its subject key). */
interface Write {
  /** Names the registry row the line came from: two dossiers with the same record were pre-filled from one row. */
  record: string;
  table: string;
  set: Record<string, unknown>;
  where: SQL;
  /** When the corrected column is part of the dossier's trigger key, the dossier follows it. */
  dossier?: { subjectKey?: string; triggerPeriod?: string };
}

const licenceColumns: Record<string, string> = { licenceNumber: "number", scope: "scope", expiresOn: "expires_on", subject: "subject" };

/** The registry row behind a pre-filled line, or undefined when the registry holds no such column (nationality). */
function writeFor(dossier: DossierRef, dataset: DatasetCode, field: string, value: string): Write | undefined {
  const [, ...rest] = dossier.subjectKey.split(":");
  const certificateNo = String(dossier.prefilled.certificateNo ?? "");
  switch (dataset) {
    case "population": {
      const person =
        field === "fatherName" ? sql`(SELECT father_id FROM birth_notices WHERE certificate_no = ${certificateNo})`
        : field === "motherName" ? sql`(SELECT mother_id FROM birth_notices WHERE certificate_no = ${certificateNo})`
        : field.startsWith("child") ? sql`${rest.join(":")}`
        : sql`${dossier.ownerId}`;
      const where = sql`id = ${person}`;
      const record =
        field === "fatherName" || field === "motherName" ? `birth-notice:${certificateNo}:${field}`
        : `citizen:${field.startsWith("child") ? rest.join(":") : dossier.ownerId}`;
      if (field.endsWith("Name")) return { record, table: "citizens", set: { full_name: value }, where };
      if (field.endsWith("BirthDate")) return { record, table: "citizens", set: { birth_date: value }, where };
      if (field === "ethnicity") return { record, table: "citizens", set: { ethnicity: value }, where };
      if (field === "residence") {
        const parts = value.split(",").map((p) => p.trim()).filter(Boolean);
        const [province, commune] = [parts.at(-1), parts.at(-2)];
        return { record, table: "citizens", set: { address_line: parts.slice(0, -2).join(", "), commune, province }, where };
      }
      return undefined;
    }
    case "birth-notices": {
      const column = ({ birthDate: "birth_date", childSex: "sex", birthPlace: "hospital" } as Record<string, string>)[field];
      return column ? { record: `birth-notice:${certificateNo}`, table: "birth_notices", set: { [column]: value }, where: sql`certificate_no = ${certificateNo}` } : undefined;
    }
    case "medical-licences":
    case "tour-guide-cards":
    case "veterinary-certs":
    case "transport-badges": {
      const [kind, number] = [rest[0] ?? "", rest.slice(1).join(":")];
      const column = licenceColumns[field];
      if (!column) return undefined;
      return {
        record: `licence:${kind}:${number}`,
        table: "licences",
        set: { [column]: value },
        where: sql`kind = ${kind} AND number = ${number}`,
        dossier: field === "licenceNumber" ? { subjectKey: `licence:${kind}:${value}` } : field === "expiresOn" ? { triggerPeriod: value } : undefined,
      };
    }
    case "poor-households": {
      const column = ({ category: "category", members: "members" } as Record<string, string>)[field];
      const where = sql`list_name = 'poor-households' AND household_head_id = ${rest.join(":")} AND year = ${Number(dossier.triggerPeriod)}`;
      return column ? { record: `poor-household:${rest.join(":")}:${dossier.triggerPeriod}`, table: "social_protection_list", set: { [column]: column === "members" ? Number(value) : value }, where } : undefined;
    }
    case "land-records": {
      const column = ({ parcel: "parcel", address: "address" } as Record<string, string>)[field];
      const where = sql`parcel = ${rest.join(":")}`;
      return column ? { record: `parcel:${rest.join(":")}`, table: "construction_intents", set: { [column]: value }, where, dossier: column === "parcel" ? { subjectKey: `parcel:${value}` } : undefined } : undefined;
    }
    case "schools":
      return undefined;
  }
}

/** The registry row a dossier's line was pre-filled from, or undefined when no registry row holds it (nationality). */
export function recordOf(dossier: DossierRef, dataset: DatasetCode, field: string): string | undefined {
  return writeFor(dossier, dataset, field, String(dossier.prefilled[field] ?? ""))?.record;
}

/**
 * Corrects the line at its source registry and in the dossier's pre-fill (and its reason text, which
 * quotes some lines). Returns whether a registry row was changed: a line the registry does not hold
 * (nationality) is corrected in the dossier only.
 */
export async function correctAtSource(tx: Tx, dossier: DossierRef, dataset: DatasetCode, field: string, value: string): Promise<boolean> {
  const write = writeFor(dossier, dataset, field, value);
  let changed = false;
  if (write) {
    const assignments = sql.join(
      Object.entries(write.set).map(([column, v]) => sql`${sql.identifier(column)} = ${v}`),
      sql`, `,
    );
    changed = (await queryRows(tx, sql`UPDATE ${sql.identifier(write.table)} SET ${assignments} WHERE ${write.where} RETURNING 1 AS one`)).length > 0;
  }
  await correctPrefill(tx, dossier, dataset, field, value);
  return changed;
}

/**
 * Sets the corrected line in one dossier's pre-fill (and its reason text, its trigger key when the line is
 * part of it). A new version: a page or SMS code showing the old line can no longer confirm it.
 */
export async function correctPrefill(tx: Tx, dossier: DossierRef, dataset: DatasetCode, field: string, value: string): Promise<void> {
  const write = writeFor(dossier, dataset, field, value);
  const patch: Record<string, unknown> = { [field]: value };
  if (field === "residence" && write?.set.commune) patch.commune = write.set.commune;
  await tx.execute(sql`
    UPDATE dossiers SET
      version = version + 1,
      updated_at = ${clock.now()},
      prefilled = prefilled || ${JSON.stringify(patch)}::jsonb,
      reason = CASE WHEN reason ? ${field} THEN reason || ${JSON.stringify({ [field]: value })}::jsonb ELSE reason END,
      subject_key = coalesce(${write?.dossier?.subjectKey ?? null}, subject_key),
      trigger_period = coalesce(${write?.dossier?.triggerPeriod ?? null}, trigger_period)
    WHERE id = ${dossier.id}`);
}
