import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import type { ServiceDefinition } from "../services/definition";
import { liveCatalogue } from "../services/catalogue";
import { dueBetween } from "../engine/compile";
import { addDays } from "../dates";

export const FORECAST_HORIZONS = [30, 90] as const;
const LONGEST = Math.max(...FORECAST_HORIZONS);
/** Past days a rate-based forecast learns from. */
const RATE_WINDOW_DAYS = 365;

/**
 * How a forecast is made: `registry` counts records whose trigger day is already written down (an
 * expiry date, a published enrolment period, next year's list); `rate` projects the last year's pace of
 * events nobody can know in advance (births, filings of an intent to build).
 */
export type ForecastMethod = "registry" | "rate";

export interface ForecastRow {
  service: string;
  commune: string;
  method: ForecastMethod;
  /** Dossiers the engine will prepare from tomorrow through day 30 / day 90. */
  next30: number;
  next90: number;
}

const registryRow = z.object({ commune: z.string(), in30: z.coerce.number().int(), in90: z.coerce.number().int() });
const rateRow = z.object({ commune: z.string(), events: z.coerce.number().int() });

/**
 * Rules over records whose trigger day is already written down (an expiry date, an age, next year's
 * list) count what the engine will first prepare from tomorrow on; a record due today is already a
 * dossier, or is one at the next scan, so the forecast never counts what the dashboard already shows.
 * Event rules (a birth, a death) project the last year's pace of that dataset's events.
 */
async function forecastService(db: Executor, service: ServiceDefinition, today: string): Promise<ForecastRow[]> {
  const rule = service.trigger;
  if (rule.kind !== "event") {
    const due = dueBetween(service, { today, from: addDays(today, 1), to: addDays(today, LONGEST) });
    const rows = await queryRows<unknown>(db, sql`
      SELECT commune,
        count(*) FILTER (WHERE prepare_on <= ${today}::date + 30) AS in30,
        count(*) AS in90
      FROM (${due}) t WHERE prepare_on > ${today}::date AND prepare_on <= ${today}::date + ${LONGEST}::int GROUP BY commune`);
    return rows.map((r) => {
      const { commune, in30, in90 } = registryRow.parse(r);
      return { service: service.code, commune, method: "registry", next30: in30, next90: in90 };
    });
  }
  const pastYear = dueBetween({ ...service, trigger: { ...rule, windowDays: RATE_WINDOW_DAYS } }, { today, from: today, to: today }, { includePrepared: true });
  const rows = await queryRows<unknown>(db, sql`SELECT commune, count(*) AS events FROM (${pastYear}) t GROUP BY commune`);
  return rows.map((r) => {
    const { commune, events: n } = rateRow.parse(r);
    const perDay = n / RATE_WINDOW_DAYS;
    return { service: service.code, commune, method: "rate", next30: Math.round(perDay * 30), next90: Math.round(perDay * 90) };
  });
}

const collator = new Intl.Collator("vi");

/** The dossiers each service will prepare per commune over the next 30 and 90 days, from the registries. */
export async function forecastDossiers(db: Executor, opts: { today: string; service?: string; commune?: string }): Promise<ForecastRow[]> {
  const services = liveCatalogue().filter((s) => !opts.service || s.code === opts.service);
  const rows: ForecastRow[] = [];
  // One statement at a time: PGlite runs one query at a time anyway, and these are short.
  for (const service of services) rows.push(...(await forecastService(db, service, opts.today)));
  return rows
    .filter((r) => (opts.commune === undefined || r.commune === opts.commune) && r.next90 > 0)
    .sort((a, b) => b.next30 - a.next30 || b.next90 - a.next90 || collator.compare(a.commune, b.commune));
}
