import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import type { ServiceDefinition } from "../services/definition";
import { renderTemplate } from "../services/render";
import { ageOn, salutationFor, unaccentVi } from "../sms/salutation";
import { compileCandidates } from "./compile";

export interface DryRun {
  total: number;
  /** Dossiers it would prepare today, per commune; `chosen` marks the communes it would go live in. */
  perCommune: { commune: string; count: number; chosen: boolean }[];
  /** A handful, anonymised: initials, age band, commune and the due day; no name, id or phone. */
  samples: { initials: string; ageBand: string; commune: string; dueOn: string | null }[];
  sms: { text: string; length: number };
}

const SAMPLE_SIZE = 5;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(" ");
}

function ageBand(birthDate: string, today: string): string {
  const age = ageOn(birthDate, today);
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9}`;
}

/**
 * What a drafted service would do today, before anyone approves it: nothing is written. Counts every
 * commune (so the centre sees what switching it on elsewhere would mean), and renders its first SMS
 * for the first sample as the engine would.
 */
export async function dryRun(db: Executor, service: ServiceDefinition, opts: { today: string; origin: string; communes: readonly string[] }): Promise<DryRun> {
  const candidates = compileCandidates(service, opts.today);
  const notYet = sql`NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.service_code = ${service.code} AND d.subject_key = cand.subject_key AND d.trigger_period = cand.trigger_period)`;
  const perCommune = await queryRows<{ commune: string; count: number }>(
    db,
    sql`SELECT cand.commune, count(*)::int AS count FROM (${candidates}) cand WHERE ${notYet} GROUP BY cand.commune ORDER BY count(*) DESC, cand.commune`,
  );
  const samples = await queryRows<{ owner_name: string; owner_sex: "male" | "female"; birth_date: string; commune: string; due_on: string | null; sms_vars: Record<string, string> }>(
    db,
    sql`SELECT cand.owner_name, cand.owner_sex, c.birth_date::text AS birth_date, cand.commune, cand.due_on::text AS due_on, cand.sms_vars
        FROM (${candidates}) cand JOIN citizens c ON c.id = cand.owner_id
        WHERE ${notYet} ORDER BY cand.subject_key LIMIT ${SAMPLE_SIZE}`,
  );
  const first = samples[0];
  const text = renderTemplate(service.sms, {
    ...(first?.sms_vars ?? {}),
    salutation: first ? salutationFor({ sex: first.owner_sex, birthDate: first.birth_date }, opts.today) : "anh",
    firstName: unaccentVi(first?.owner_name.split(/\s+/).pop() ?? "An"),
    link: `${opts.origin}/s/${"x".repeat(22)}`,
    matchCode: "0000",
  });
  const chosen = new Set(opts.communes);
  return {
    total: perCommune.filter((r) => chosen.has(r.commune)).reduce((a, r) => a + r.count, 0),
    perCommune: perCommune.map((r) => ({ commune: r.commune, count: r.count, chosen: chosen.has(r.commune) })),
    samples: samples.map((s) => ({ initials: initials(s.owner_name), ageBand: ageBand(s.birth_date, opts.today), commune: s.commune, dueOn: s.due_on })),
    sms: { text, length: text.length },
  };
}
