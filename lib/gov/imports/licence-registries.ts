import { sql } from "drizzle-orm";
import { z } from "zod";
import { licences } from "../../db/schema";
import type { DatasetCode } from "../datasets";
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
function licenceRegistry(code: DatasetCode, kind: string, subjectRequired = false): ImportDataset<LicenceRow> {
  const required = ["number", "holder_id", "expires_on", "issuer", ...(subjectRequired ? ["subject"] : [])];
  return {
    code,
    requiredColumns: required,
    optionalColumns: ["scope", "address", "subject"].filter((c) => !required.includes(c)),
    row: licenceRow(subjectRequired),
    key: (r) => r.number,
    citizenColumn: "holder_id",
    citizenId: (r) => r.holder_id,
    async upsert(db, rows) {
      const t = licences;
      const written = await db
        .insert(t)
        .values(
          rows.map((r) => ({
            kind,
            number: r.number,
            holderId: r.holder_id,
            subject: r.subject,
            issuer: r.issuer,
            scope: r.scope,
            address: r.address,
            expiresOn: r.expires_on,
          })),
        )
        .onConflictDoUpdate({
          target: [t.kind, t.number],
          set: {
            holderId: sql`excluded.holder_id`,
            subject: sql`excluded.subject`,
            issuer: sql`excluded.issuer`,
            scope: sql`excluded.scope`,
            address: sql`excluded.address`,
            expiresOn: sql`excluded.expires_on`,
          },
          setWhere: sql`(${t.holderId}, ${t.subject}, ${t.issuer}, ${t.scope}, ${t.address}, ${t.expiresOn})
            IS DISTINCT FROM (excluded.holder_id, excluded.subject, excluded.issuer, excluded.scope, excluded.address, excluded.expires_on)`,
        })
        .returning({ id: t.id });
      return written.length;
    },
    feeds: (trigger) => trigger.kind === "window" && trigger.licenceKind === kind,
  };
}

export const medicalLicences = licenceRegistry("medical-licences", "medical");
export const tourGuideCards = licenceRegistry("tour-guide-cards", "tour-guide");
export const veterinaryCerts = licenceRegistry("veterinary-certs", "veterinary");
export const transportBadges = licenceRegistry("transport-badges", "transport-badge", true);
