import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/client";
import { flexibleDate, optionalText, personalId, requiredText } from "./cells";
import type { ImportDataset } from "./dataset";

// Vietnamese plates: 43B-123.45, 43A-12345, 43LD-123.45.
const plate = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/, "field.plate"));

function licenceRow(subjectRequired: boolean) {
  return z.object({
    number: requiredText(50),
    holder_id: personalId,
    expires_on: flexibleDate,
    issuer: requiredText(200),
    scope: optionalText(200),
    address: optionalText(300),
    subject: subjectRequired ? plate : optionalText(100),
  });
}

type LicenceRow = z.infer<ReturnType<typeof licenceRow>>;

/** A sector registry of licences of one kind (the `licences.kind` the catalogue's window triggers name). */
function licenceRegistry(kind: string, subjectRequired = false): ImportDataset<LicenceRow> {
  const required = ["number", "holder_id", "expires_on", "issuer", ...(subjectRequired ? ["subject"] : [])];
  return {
    requiredColumns: required,
    optionalColumns: ["scope", "address", "subject"].filter((c) => !required.includes(c)),
    row: licenceRow(subjectRequired),
    key: (r) => r.number,
    citizenColumn: "holder_id",
    citizenId: (r) => r.holder_id,
    async upsert(db, rows) {
      // One JSON parameter per batch: building a 500-row VALUES list costs more than the database's work.
      const [result] = await queryRows<{ written: number }>(db, sql`
        WITH written AS (
          INSERT INTO licences (kind, number, holder_id, subject, issuer, scope, address, expires_on)
          SELECT ${kind}, r.number, r.holder_id, r.subject, r.issuer, r.scope, r.address, r.expires_on
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            AS r(number text, holder_id text, subject text, issuer text, scope text, address text, expires_on date)
          ON CONFLICT (kind, number) DO UPDATE
            SET holder_id = excluded.holder_id, subject = excluded.subject, issuer = excluded.issuer,
                scope = excluded.scope, address = excluded.address, expires_on = excluded.expires_on
            WHERE (licences.holder_id, licences.subject, licences.issuer, licences.scope, licences.address, licences.expires_on)
              IS DISTINCT FROM (excluded.holder_id, excluded.subject, excluded.issuer, excluded.scope, excluded.address, excluded.expires_on)
          RETURNING 1
        )
        SELECT count(*)::int AS written FROM written`);
      return Number(result?.written ?? 0);
    },
  };
}

export const medicalLicences = licenceRegistry("medical");
export const tourGuideCards = licenceRegistry("tour-guide");
export const veterinaryCerts = licenceRegistry("veterinary");
export const transportBadges = licenceRegistry("transport-badge", true);
