import type { DatasetCode } from "../gov/datasets";
import type { Condition, PersonField, Source } from "../engine/rule";

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

/**
 * A death on the civil-status feed, for each service it sets off (registration, funeral allowance, end of
 * a pension): the deceased and the day in the reason; the deceased, the day and the relative who acts
 * pre-filled, plus what the service adds. `days` is both how long the event stays due and the time to confirm.
 */
export const afterDeath = (opts: { days: number; deadlineFrom: "event" | "scan"; where?: Condition[]; prefill?: Record<string, Source> }) =>
  ({
    kind: "event",
    dataset: "death-notices",
    column: "died_on",
    windowDays: opts.days,
    confirmDays: opts.days,
    deadlineFrom: opts.deadlineFrom,
    where: opts.where ?? [],
    reason: { deceasedName: person("fullName"), diedOn: col("died_on") },
    prefill: { deceasedName: person("fullName"), diedOn: col("died_on"), declarantName: { owner: "fullName" }, ...opts.prefill },
  }) as const;
