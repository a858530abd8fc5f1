import { datasets, type DatasetCode } from "../gov/datasets";
import type { ServiceDefinition } from "../services/definition";
import type { Localized } from "../services/definition";

export type CorrectionEffect = "wait" | "note";

/** Where a "Báo sai" on one pre-filled line goes, and what it does to the dossier meanwhile. */
export interface CorrectionRoute {
  fieldKey: string;
  label: Localized;
  format: ServiceDefinition["prefilled"][number]["format"];
  dataset: DatasetCode;
  /** The staff agency code that owns the dataset (lib/gov/datasets.ts). */
  agency: string;
  effect: CorrectionEffect;
}

/** The route of a report on `fieldKey`: its dataset's owner, and the catalogue's wait-or-note; undefined for a line the service does not pre-fill. */
export function correctionRoute(service: ServiceDefinition, fieldKey: string): CorrectionRoute | undefined {
  const field = service.prefilled.find((f) => f.key === fieldKey);
  if (!field) return undefined;
  return {
    fieldKey,
    label: field.label,
    format: field.format,
    dataset: field.source,
    agency: datasets[field.source].owner,
    effect: field.ifWrong,
  };
}

/** Every agency that answers reports, with the name the citizen reads ("Bộ Công an"). */
export function ownerAgencyName(agency: string): Localized | undefined {
  return Object.values(datasets).find((d) => d.owner === agency)?.agency;
}
