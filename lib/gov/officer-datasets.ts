import type { ImportDatasetCode } from "./imports/registry";

/** The lists and registries each agency's officers may upload from the console. */
const officerDatasets: Record<string, ImportDatasetCode[]> = {
  xahoi: ["poor-households"],
  yte: ["medical-licences"],
  dulich: ["tour-guide-cards"],
  thuy: ["veterinary-certs"],
  vantai: ["transport-badges"],
};

export function datasetsForAgency(agency: string): ImportDatasetCode[] {
  return officerDatasets[agency] ?? [];
}
