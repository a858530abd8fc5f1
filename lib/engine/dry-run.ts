import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import type { ServiceDefinition } from "../services/definition";
import { renderTemplate } from "../services/render";
import { addDays } from "../dates";
import { ageOn, salutationFor, unaccentVi } from "../sms/salutation";
import { compileCandidates } from "./compile";
import { datasetSpec } from "./datasets";

export interface DryRun {
  /** Dossiers in the chosen communes whose count is shown, and how many chosen communes have fewer than MIN_COUNT. */
  total: { count: number; small: number };
  /** Dossiers it would prepare today, per commune (null: fewer than MIN_COUNT); `chosen` marks where it would go live. */
  perCommune: { commune: string; count: number | null; chosen: boolean }[];
  /** A handful, anonymised: commune, age band and due day only, and only from communes with MIN_COUNT or more. */
  samples: { ageBand: string; commune: string; dueOn: string | null }[];
  /** The first SMS with made-up values: a draft never shows a real person's. */
  sms: { text: string; length: number };
}

const SAMPLE_SIZE = 5;
/** Below this a commune's count is shown as "< 5": an officer's filter must not single out one person. */
export const MIN_COUNT = 5;

export function ageBand(birthDate: string, today: string): string {
  const age = ageOn(birthDate, today);
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9}`;
}

/** Counts as the console may show them: small ones hidden, and a total that hides them too (no differencing). */
export function suppressCounts(rows: readonly { commune: string; count: number }[], communes: readonly string[]): Pick<DryRun, "total" | "perCommune"> {
  const chosen = new Set(communes);
  const perCommune = rows.map((r) => ({ commune: r.commune, count: r.count < MIN_COUNT ? null : r.count, chosen: chosen.has(r.commune) }));
  const mine = perCommune.filter((r) => r.chosen);
  return { total: { count: mine.reduce((a, r) => a + (r.count ?? 0), 0), small: mine.filter((r) => r.count === null).length }, perCommune };
}

/** The values the preview's SMS is rendered with: made up from the rule, never read from a record. */
export function sampleSmsValues(service: ServiceDefinition, today: string, origin: string): Record<string, string> {
  const rule = service.trigger;
  const age = rule.kind === "age" ? rule.years[0]! : 40;
  const dueOn = addDays(today, 30);
  const vars: Record<string, string> = {};
  for (const [key, src] of Object.entries(rule.smsVars)) {
    if ("value" in src) vars[key] = unaccentVi(String(src.value));
    else if ("rule" in src) vars[key] = src.rule === "age" ? String(age) : src.rule === "dueOn" ? dueOn : today.slice(0, 4);
    else if ("column" in src) vars[key] = datasetSpec(rule.dataset).smsColumns?.[src.column] ?? dueOn;
    else vars[key] = "Binh";
  }
  return {
    ...vars,
    salutation: salutationFor({ sex: "male", birthDate: `${Number(today.slice(0, 4)) - age}${today.slice(4)}` }, today),
    firstName: "An",
    link: `${origin}/s/${"x".repeat(22)}`,
    matchCode: "0000",
  };
}

/**
 * What a drafted service would do today, before anyone approves it: nothing is written. Counts every
 * commune (so the centre sees what switching it on elsewhere would mean), and renders its first SMS
 * with made-up values.
 */
export async function dryRun(db: Executor, service: ServiceDefinition, opts: { today: string; origin: string; communes: readonly string[] }): Promise<DryRun> {
  const candidates = compileCandidates(service, opts.today);
  const notYet = sql`NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.service_code = ${service.code} AND d.subject_key = cand.subject_key AND d.trigger_period = cand.trigger_period)`;
  const rows = await queryRows<{ commune: string; count: number }>(
    db,
    sql`SELECT cand.commune, count(*)::int AS count FROM (${candidates}) cand WHERE ${notYet} GROUP BY cand.commune ORDER BY count(*) DESC, cand.commune`,
  );
  const counts = suppressCounts(rows, opts.communes);
  const large = counts.perCommune.filter((r) => r.count !== null).map((r) => r.commune);
  const samples =
    large.length === 0
      ? []
      : await queryRows<{ birth_date: string; commune: string; due_on: string | null }>(
          db,
          sql`SELECT c.birth_date::text AS birth_date, cand.commune, cand.due_on::text AS due_on
              FROM (${candidates}) cand JOIN citizens c ON c.id = cand.owner_id
              WHERE ${notYet} AND cand.commune IN (${sql.join(large.map((c) => sql`${c}`), sql`, `)}) ORDER BY cand.subject_key LIMIT ${SAMPLE_SIZE}`,
        );
  const text = renderTemplate(service.sms, sampleSmsValues(service, opts.today, opts.origin));
  return {
    ...counts,
    samples: samples.map((s) => ({ ageBand: ageBand(s.birth_date, opts.today), commune: s.commune, dueOn: s.due_on })),
    sms: { text, length: text.length },
  };
}
