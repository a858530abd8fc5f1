import type { DatasetCode } from "../gov/datasets";
import type { PersonField } from "../engine/rule";

/** Shorthands for writing the catalogue as data. */
export const L = (vi: string, en: string) => ({ vi, en });

export const col = (column: string) => ({ column });
export const person = (field: PersonField) => ({ person: field });
export const derived = (name: string) => ({ derived: name });

/** A renewal before a date on a licence-like registry: prepared `daysBefore` ahead of the expiry. */
export const renewal = (dataset: DatasetCode, daysBefore: number, renewYears: number) =>
  ({
    kind: "window",
    dataset,
    column: "expires_on",
    daysBefore,
    renewYears,
    reason: { expiresOn: col("expires_on"), subject: col("subject") },
    prefill: {
      holderName: person("fullName"),
      licenceNumber: col("number"),
      issuer: col("issuer"),
      scope: col("scope"),
      expiresOn: col("expires_on"),
      subject: col("subject"),
      address: col("address"),
    },
  }) as const;
