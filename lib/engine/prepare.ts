import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import type { ServiceDefinition } from "../services/definition";
import { compileCandidates, sourceIdSpan, type IdRange } from "./compile";
import { salutationSql } from "../sms/salutation";
import { templateSql } from "../sms/template-sql";

interface PrepareResult {
  prepared: number;
  sms: number;
}

/** Datasets a service's dossier reads, each logged for the citizens it concerns. */
function datasetsRead(service: ServiceDefinition): string[] {
  return [...new Set(service.prefilled.map((f) => f.source))];
}

/**
 * Prepares every missing dossier of one service in a single statement: dossier, parties, the
 * "prepared" event, data-access rows, deep link and SMS are written together or not at all. The unique
 * key (service, subject, trigger period) makes a second run, or a concurrent one, prepare nothing.
 */
/** The service's live version, and the communes where it is switched on (undefined: everywhere). */
export interface PrepareOptions {
  today: string;
  origin: string;
  version?: number;
  communes?: readonly string[];
}

export async function prepareService(db: Executor, service: ServiceDefinition, opts: PrepareOptions & { chunkSize?: number }): Promise<PrepareResult> {
  const span = sourceIdSpan(service.trigger);
  if (!span) return prepareChunk(db, service, opts);
  const total: PrepareResult = { prepared: 0, sms: 0 };
  const missing = await missingCount(db, service, opts);
  if (missing === 0) return total;
  const [range] = await queryRows<{ lo: number | null; hi: number | null }>(db, span);
  if (range?.lo == null || range.hi == null) return total;
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  // Chunks are sized by the dossiers to prepare, not by the registry: ten times the records with as
  // many due runs as many statements, so a statement's fixed cost does not grow with the registry.
  const chunks = Math.ceil(missing / (opts.chunkSize ?? defaultChunk(db)));
  const step = Math.ceil((hi - lo + 1) / chunks);
  for (let from = lo; from <= hi; from += step) {
    const r = await prepareChunk(db, service, opts, { from, to: Math.min(from + step, hi + 1) });
    total.prepared += r.prepared;
    total.sms += r.sms;
    // Let other requests' queries run between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/**
 * Dossiers of a service to prepare per statement. PGlite has one connection, so a citizen's read waits
 * for the whole chunk: smaller there (5,000 held reads for 15 s at 1M licences).
 */
function defaultChunk(db: Executor): number {
  return (db as { $client?: unknown }).$client instanceof PGlite ? 1_000 : 5_000;
}

/** How many dossiers the rule says should exist and do not yet: the planner drops the unused columns. */
async function missingCount(db: Executor, service: ServiceDefinition, opts: PrepareOptions): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (${compileCandidates(service, opts.today, { communes: opts.communes })}) cand
      WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.service_code = ${service.code} AND d.subject_key = cand.subject_key AND d.trigger_period = cand.trigger_period)`,
  );
  return Number(row?.n ?? 0);
}

async function prepareChunk(db: Executor, service: ServiceDefinition, opts: PrepareOptions, chunk?: IdRange): Promise<PrepareResult> {
  return db.transaction(async (tx) => {
    // PostgreSQL would JIT-compile this large statement on every chunk, for longer than it runs.
    await tx.execute(sql`SELECT set_config('jit', 'off', true)`);
    const [row] = await queryRows<{ prepared: number; sms: number }>(tx, preparationStatement(service, opts, chunk));
    return { prepared: Number(row?.prepared ?? 0), sms: Number(row?.sms ?? 0) };
  });
}

export function preparationStatement(service: ServiceDefinition, opts: PrepareOptions, chunk?: IdRange): SQL {
  const candidates = compileCandidates(service, opts.today, { chunk, communes: opts.communes });
  const datasets = sql.join(
    datasetsRead(service).map((d) => sql`(${d})`),
    sql`, `,
  );
  return sql`
    WITH cand AS (${candidates}),
    ins AS (
      INSERT INTO dossiers (service_code, service_version, owner_id, subject_key, trigger_period, reason, prefilled, confirm_deadline, legal_deadline, awaiting_since)
      SELECT ${service.code}, ${opts.version ?? 1}::int, owner_id, subject_key, trigger_period, reason, prefilled, confirm_deadline, legal_deadline, ${opts.today}::date FROM cand
      ON CONFLICT (service_code, subject_key, trigger_period) DO NOTHING
      RETURNING id, owner_id, subject_key
    ),
    j AS (
      SELECT ins.id, ins.owner_id, cand.co_parents, cand.sms_vars
      FROM ins JOIN cand ON cand.subject_key = ins.subject_key
    ),
    parties AS (
      INSERT INTO dossier_parties (dossier_id, citizen_id, role)
      SELECT id, owner_id, 'owner' FROM j
      UNION ALL SELECT j.id, v, 'co-parent' FROM j, unnest(j.co_parents) AS v
    ),
    events AS (
      INSERT INTO dossier_events (dossier_id, kind, to_status, actor_kind, actor_id, note)
      SELECT id, 'status', 'prepared', 'engine', ${service.trigger.kind}, NULL FROM j
    ),
    access AS (
      INSERT INTO data_access_log (citizen_id, agency, dataset, purpose, dossier_id)
      SELECT p.citizen_id, ${service.agency.code}, ds.dataset, ${service.code}, j.id
      FROM j
      CROSS JOIN LATERAL (SELECT j.owner_id AS citizen_id UNION ALL SELECT unnest(j.co_parents)) AS p
      CROSS JOIN (VALUES ${datasets}) AS ds(dataset)
    ),
    -- A link's code and match code are a keyed hash of its dossier id, under 244 random bits drawn once
    -- per statement: as unguessable as a random draw per link, at a sixth of the cost.
    link_key AS MATERIALIZED (SELECT decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex') AS k),
    links AS (
      INSERT INTO deep_links (code, dossier_id, match_code)
      SELECT translate(encode(substring(h.h FROM 1 FOR 16), 'base64'), '+/=', '-_'),
             j.id, lpad(((get_byte(h.h, 16) * 256 + get_byte(h.h, 17)) % 10000)::text, 4, '0')
      FROM j CROSS JOIN link_key CROSS JOIN LATERAL (SELECT sha256(link_key.k || uuid_send(j.id)) AS h) AS h
      RETURNING code, dossier_id, match_code
    ),
    sms AS (
      -- Each parent gets their own SMS: the owner, and the other parent of a newborn or pupil. The keys
      -- name dossiers this statement created, so none can already be in the outbox.
      INSERT INTO sms_outbox (dedupe_key, phone, body, dossier_id)
      SELECT CASE WHEN c.id = j.owner_id THEN 'prepared:' || j.id ELSE 'prepared:' || j.id || ':' || c.id END, c.phone,
        ${templateSql(
          service.sms,
          {
            salutation: salutationSql(sql`c.sex`, sql`c.birth_date`, opts.today),
            firstName: sql`unaccent_vi(regexp_replace(c.full_name, '^.*\\s', ''))`,
            link: sql`${opts.origin} || '/s/' || l.code`,
            matchCode: sql`l.match_code`,
          },
          sql`j.sms_vars`,
        )},
        j.id
      FROM j JOIN links l ON l.dossier_id = j.id
      CROSS JOIN LATERAL unnest(array_prepend(j.owner_id, j.co_parents)) AS p(citizen_id)
      JOIN citizens c ON c.id = p.citizen_id
      WHERE c.phone IS NOT NULL
      RETURNING id
    )
    SELECT (SELECT count(*) FROM ins)::int AS prepared, (SELECT count(*) FROM sms)::int AS sms
  `;
}
