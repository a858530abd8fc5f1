import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../db/client";
import { renewRecord } from "../engine/compile";
import type { ServiceDefinition } from "../services/definition";
import { addDays } from "../dates";

interface Approved {
  id: string;
  subjectKey: string;
  prefilled: Record<string, unknown>;
  citizenData: Record<string, unknown>;
}

async function nextNumber(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ n: string }>(tx, sql`SELECT lpad(nextval('result_no_seq')::text, 6, '0') AS n`);
  return row!.n;
}

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

/**
 * Issues what approval gives the citizen, by the kind the catalogue names. A renewal writes the new
 * expiry back to the registry, so the engine will not prepare the same renewal again.
 */
export async function issueResult(tx: Tx, service: ServiceDefinition, dossier: Approved, today: string): Promise<Record<string, string>> {
  const year = today.slice(0, 4);
  const n = await nextNumber(tx);
  switch (service.issues) {
    case "birth-package":
      return {
        birthCertificateNo: `${n}/${year}/KS-HC`,
        residenceEntry: `TT-048-${year}-${n}`,
        healthInsuranceCardNo: `TE148${year.slice(2)}${n}${String(Number(n) % 97).padStart(2, "0")}`,
      };
    case "licence-renewal": {
      const rule = service.trigger;
      if (rule.kind !== "window" || !rule.renewYears) throw new Error(`${service.code}: a licence renewal needs a window rule with renewYears`);
      const number = String(dossier.prefilled.licenceNumber);
      const newExpiry = addYears(String(dossier.prefilled.expiresOn), rule.renewYears);
      await tx.execute(renewRecord(rule, dossier.subjectKey, newExpiry));
      return { licenceNumber: number, newExpiry };
    }
    case "benefits":
      return {
        decisionNo: `${n}/QĐ-UBND`,
        healthInsuranceCards: String(dossier.prefilled.members ?? ""),
        electricitySupportFrom: addDays(today, 1).slice(0, 7),
      };
    case "school-place":
      return { school: String(dossier.citizenData.school ?? ""), enrollmentNo: `TS1-${year}-${n}` };
    case "permit-dossier":
      return { permitDossierNo: `${n}/${year}/GPXD` };
    case "record":
      return { recordNo: `${n}/${year}/${service.agency.code.toUpperCase()}` };
  }
}

/** The number a clerk matches against the paper: the main number each kind of result carries. */
export const documentNumberKey: Record<ServiceDefinition["issues"], string> = {
  "birth-package": "birthCertificateNo",
  "licence-renewal": "licenceNumber",
  benefits: "decisionNo",
  "school-place": "enrollmentNo",
  "permit-dossier": "permitDossierNo",
  record: "recordNo",
};
