import { sql, type SQL } from "drizzle-orm";
import { catalogue } from "../services/catalogue";
import { pick } from "../i18n/localized";
import { centreCommuneOf } from "../db/officer-queries";

/**
 * A one-stop centre is an agency's counter in one commune. A dossier is handled where its pre-fill
 * places it (else where its owner lives) unless a lead moved it: lib/db/officer-queries.ts' centreCommuneOf.
 */
export interface Centre {
  agency: string;
  commune: string;
}

export const centreKey = (c: Centre) => `${c.agency}|${c.commune}`;

/** The handling commune of dossier `d` in SQL. */
export const centreCommuneSql = centreCommuneOf(sql.raw("d"));

/** `svc_agency(code, agency)`: each service's agency from the catalogue, as a CTE body. */
export function serviceAgencies(): SQL {
  return sql`SELECT * FROM (VALUES ${sql.join(
    catalogue.map((s) => sql`(${s.code}::text, ${s.agency.code}::text)`),
    sql`, `,
  )}) AS v(code, agency)`;
}

/** A centre as staff call it: the agency's name in that commune ("Phòng Văn hóa – Xã hội UBND Xã Hòa Vang"). */
export function centreName(centre: Centre, locale: string): string {
  const agency = catalogue.find((s) => s.agency.code === centre.agency)?.agency.name;
  if (!agency) return `${centre.agency} — ${centre.commune}`;
  const name = pick(agency, locale);
  return name.includes("{commune}") ? name.replaceAll("{commune}", centre.commune) : `${name} — ${centre.commune}`;
}
