import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import type { ServiceDefinition } from "../services/definition";
import { catalogue } from "../services/catalogue";

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
 * One row per registry record that will trigger, with the owner's commune and the day the engine will
 * first see it due. Only days after today: a record due today is already a dossier (or is one at the
 * next scan), so the forecast never counts what the dashboard already shows.
 */
function triggerDays(service: ServiceDefinition, today: string): SQL | undefined {
  const trigger = service.trigger;
  const day = sql`${today}::date`;
  switch (trigger.kind) {
    case "window":
      return sql`
        SELECT c.commune, l.expires_on - ${trigger.daysBefore}::int AS due_on
        FROM licences l JOIN citizens c ON c.id = l.holder_id
        WHERE l.kind = ${trigger.licenceKind}
          AND l.expires_on - ${trigger.daysBefore}::int > ${day}
          AND l.expires_on - ${trigger.daysBefore}::int <= ${day} + ${LONGEST}::int`;
    case "list":
      // A list is published for a calendar year; next year's members become due on 1 January.
      return sql`
        SELECT c.commune, make_date(s.year, 1, 1) AS due_on
        FROM social_protection_list s JOIN citizens c ON c.id = s.household_head_id
        WHERE s.list_name = ${trigger.list}
          AND make_date(s.year, 1, 1) > ${day} AND make_date(s.year, 1, 1) <= ${day} + ${LONGEST}::int`;
    case "age":
      // One dossier per child (the engine picks one parent), due when the published period opens.
      return sql`
        SELECT DISTINCT ON (ch.id) pa.commune, p.opens_on AS due_on
        FROM enrollment_periods p
        JOIN citizens ch ON extract(year FROM ch.birth_date)::int = p.year - ${trigger.age}::int
        JOIN family_relations r ON r.relative_id = ch.id AND r.relation = 'child'
        JOIN citizens pa ON pa.id = r.citizen_id
        WHERE p.opens_on > ${day} AND p.opens_on <= ${day} + ${LONGEST}::int
        ORDER BY ch.id, r.citizen_id`;
    case "event":
    case "construction-intent":
      return undefined;
  }
}

/** The last year's events per commune, for the triggers whose future records do not exist yet. */
function pastEvents(service: ServiceDefinition, today: string): SQL | undefined {
  const trigger = service.trigger;
  const from = sql`${today}::date - ${RATE_WINDOW_DAYS}::int`;
  switch (trigger.kind) {
    case "event":
      return sql`
        SELECT o.commune, count(*) AS events
        FROM birth_notices b JOIN citizens o ON o.id = coalesce(b.father_id, b.mother_id)
        WHERE b.birth_date > ${from} AND b.birth_date <= ${today}::date
        GROUP BY o.commune`;
    case "construction-intent":
      return sql`
        SELECT c.commune, count(*) AS events
        FROM construction_intents ci JOIN citizens c ON c.id = ci.owner_id
        WHERE ci.filed_on > ${from} AND ci.filed_on <= ${today}::date
        GROUP BY c.commune`;
    case "window":
    case "list":
    case "age":
      return undefined;
  }
}

async function forecastService(db: Executor, service: ServiceDefinition, today: string): Promise<ForecastRow[]> {
  const days = triggerDays(service, today);
  if (days) {
    const rows = await queryRows<unknown>(db, sql`
      SELECT commune,
        count(*) FILTER (WHERE due_on <= ${today}::date + 30) AS in30,
        count(*) AS in90
      FROM (${days}) t GROUP BY commune`);
    return rows.map((r) => {
      const { commune, in30, in90 } = registryRow.parse(r);
      return { service: service.code, commune, method: "registry", next30: in30, next90: in90 };
    });
  }
  const events = pastEvents(service, today);
  if (!events) return [];
  const rows = await queryRows<unknown>(db, events);
  return rows.map((r) => {
    const { commune, events: n } = rateRow.parse(r);
    const perDay = n / RATE_WINDOW_DAYS;
    return { service: service.code, commune, method: "rate", next30: Math.round(perDay * 30), next90: Math.round(perDay * 90) };
  });
}

const collator = new Intl.Collator("vi");

/** The dossiers each service will prepare per commune over the next 30 and 90 days, from the registries. */
export async function forecastDossiers(db: Executor, opts: { today: string; service?: string; commune?: string }): Promise<ForecastRow[]> {
  const services = catalogue.filter((s) => !opts.service || s.code === opts.service);
  const rows: ForecastRow[] = [];
  // One statement at a time: PGlite runs one query at a time anyway, and these are short.
  for (const service of services) rows.push(...(await forecastService(db, service, opts.today)));
  return rows
    .filter((r) => (opts.commune === undefined || r.commune === opts.commune) && r.next90 > 0)
    .sort((a, b) => b.next30 - a.next30 || b.next90 - a.next90 || collator.compare(a.commune, b.commune));
}
