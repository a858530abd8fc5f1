import { poorHouseholds } from "./poor-households";
import { medicalLicences, tourGuideCards, transportBadges, veterinaryCerts } from "./licence-registries";

/** The datasets `POST /api/gov/imports/{dataset}` accepts. */
export const importDatasets = {
  "poor-households": poorHouseholds,
  "medical-licences": medicalLicences,
  "tour-guide-cards": tourGuideCards,
  "veterinary-certs": veterinaryCerts,
  "transport-badges": transportBadges,
};

export type ImportDatasetCode = keyof typeof importDatasets;

export function isImportDataset(code: string): code is ImportDatasetCode {
  return Object.hasOwn(importDatasets, code);
}
