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
  const [range] = await queryRows<{ lo: number | null; hi: number | null }>(db, span);
  const total: PrepareResult = { prepared: 0, sms: 0 };
  if (range?.lo == null || range.hi == null) return total;
  const size = opts.chunkSize ?? DEFAULT_CHUNK;
  for (let from = Number(range.lo); from <= Number(range.hi); from += size) {
    const r = await prepareChunk(db, service, opts, { from, to: from + size });
    total.prepared += r.prepared;
    total.sms += r.sms;
    // Let other requests' queries run between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

const DEFAULT_CHUNK = 20_000;

async function prepareChunk(db: Executor, service: ServiceDefinition, opts: PrepareOptions, chunk?: IdRange): Promise<PrepareResult> {
  const [row] = await queryRows<{ prepared: number; sms: number }>(db, preparationStatement(service, opts, chunk));
  return { prepared: Number(row?.prepared ?? 0), sms: Number(row?.sms ?? 0) };
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
    links AS (
      INSERT INTO deep_links (code, dossier_id, match_code)
      SELECT translate(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_'),
             id, lpad(floor(random() * 10000)::int::text, 4, '0')
      FROM j
      RETURNING code, dossier_id, match_code
    ),
    sms AS (
      -- Each parent gets their own SMS: the owner, and the other parent of a newborn or pupil.
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
      JOIN citizens c ON c.id = j.owner_id OR c.id = ANY(j.co_parents)
      WHERE c.phone IS NOT NULL
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*) FROM ins)::int AS prepared, (SELECT count(*) FROM sms)::int AS sms
  `;
}
