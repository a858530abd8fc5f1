import type { CitizenDossier } from "../db/dossier-queries";

/** The JSON a citizen's app keeps offline: statuses and dates, no personal ids or phone numbers. */
export interface DossierSummaryJson {
  code: string;
  serviceCode: string;
  status: string;
  version: number;
  confirmDeadline: string;
  slaDueDate: string | null;
  updatedAt: string;
}

export interface DossierStatusJson extends DossierSummaryJson {
  events: { status: string | null; kind: string; at: string }[];
}

export function dossierSummaryJson(d: CitizenDossier): DossierSummaryJson {
  return {
    code: d.code,
    serviceCode: d.serviceCode,
    status: d.status,
    version: d.version,
    confirmDeadline: d.confirmDeadline,
    slaDueDate: d.slaDueDate,
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
