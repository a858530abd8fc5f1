import type { DatasetCode } from "../datasets";
import { poorHouseholds } from "./poor-households";
import { medicalLicences, tourGuideCards, transportBadges, veterinaryCerts } from "./licence-registries";

/** The datasets `POST /api/gov/imports/{dataset}` accepts, by their code in `lib/gov/datasets.ts`. */
export const importDatasets = {
  "poor-households": poorHouseholds,
  "medical-licences": medicalLicences,
  "tour-guide-cards": tourGuideCards,
  "veterinary-certs": veterinaryCerts,
  "transport-badges": transportBadges,
} satisfies Partial<Record<DatasetCode, unknown>>;

export type ImportDatasetCode = keyof typeof importDatasets;

export function isImportDataset(code: string): code is ImportDatasetCode {
  return Object.hasOwn(importDatasets, code);
}
