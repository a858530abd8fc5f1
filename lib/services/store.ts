import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { serviceEvents, serviceRollout, serviceVersions } from "../db/schema";
import { log } from "../log";
import { catalogue, liveCatalogue } from "./catalogue";
import { serviceDefinition, type ServiceDefinition } from "./definition";
import { installStoredVersions, latestStored } from "./overlay";
import { PILOT_COMMUNES } from "../places/communes";
import * as clock from "../clock";

// Kept here for the pages that import it from the store; the list itself lives in lib/places.
export { PILOT_COMMUNES };

/** Reloads the approved versions from the database into the in-memory catalogue. */
export async function refreshServices(db: Executor): Promise<void> {
  const rows = await db
    .select({ code: serviceVersions.code, version: serviceVersions.version, definition: serviceVersions.definition })
    .from(serviceVersions)
    .where(eq(serviceVersions.status, "approved"));
  const valid: { code: string; version: number; definition: ServiceDefinition }[] = [];
  for (const row of rows) {
    const parsed = serviceDefinition.safeParse(row.definition);
    // A stored definition that no longer validates (a dataset withdrawn) is left out, never half-run.
    if (parsed.success) valid.push({ code: row.code, version: row.version, definition: parsed.data });
    else log.error({ service: row.code, version: row.version }, "stored service definition does not validate");
  }
  installStoredVersions(valid);
}

export interface LiveService {
  service: ServiceDefinition;
  version: number;
  /** The communes where it is switched on; undefined when it has no rollout rows (on everywhere). */
  communes?: string[];
}

/** What the engine runs: every service in force, its version, and where it is switched on. */
export async function liveServices(db: Executor): Promise<LiveService[]> {
  await refreshServices(db);
  const rollout = await db.select().from(serviceRollout);
  const communes = new Map<string, string[]>();
  for (const row of rollout) {
    const list = communes.get(row.serviceCode) ?? [];
    if (row.enabled) list.push(row.commune);
    communes.set(row.serviceCode, list);
  }
  const stored = latestStored();
  return liveCatalogue().map((service) => ({ service, version: stored.get(service.code)?.version ?? 1, communes: communes.get(service.code) }));
}

/** Writes the code catalogue as version 1 of each service and switches the catalogue on in the pilot communes. */
export async function seedServiceCatalogue(db: Executor, communes: readonly string[] = PILOT_COMMUNES): Promise<void> {
  await db
    .insert(serviceVersions)
    .values(catalogue.map((s) => ({ code: s.code, version: 1, definition: s as unknown as Record<string, unknown>, status: "approved" as const, agency: s.agency.code, proposedBy: "seed", communes: [...communes] })))
    .onConflictDoNothing();
  await setRollout(db, catalogue.map((s) => s.code), communes, true, "seed");
}

/** Switches services on or off in communes, as data; each change is audited. */
export async function setRollout(db: Executor, codes: readonly string[], communes: readonly string[], enabled: boolean, actor: string): Promise<void> {
  if (!codes.length || !communes.length) return;
  // Stamped by the app's clock, as everything compared with app time is (never the database's now()).
  const changedAt = clock.now();
  const rows = codes.flatMap((serviceCode) => communes.map((commune) => ({ serviceCode, commune, enabled: enabled ? 1 : 0, changedBy: actor, changedAt })));
  await db
    .insert(serviceRollout)
    .values(rows)
    .onConflictDoUpdate({
      target: [serviceRollout.serviceCode, serviceRollout.commune],
      set: { enabled: sql`excluded.enabled`, changedBy: sql`excluded.changed_by`, changedAt: sql`excluded.changed_at` },
    });
  await db.insert(serviceEvents).values(codes.map((code) => ({ code, action: enabled ? ("switched-on" as const) : ("switched-off" as const), actor, data: { communes: [...communes] } })));
}

/** Whether a service is switched on in a commune. */
export async function isOnIn(db: Executor, code: string, commune: string): Promise<boolean> {
  const rows = await db.select().from(serviceRollout).where(eq(serviceRollout.serviceCode, code));
  return rows.length === 0 || rows.some((r) => r.commune === commune && r.enabled === 1);
}

export interface RolloutComparisonRow {
  serviceCode: string;
  commune: string;
  enabled: boolean;
  prepared: number;
  submitted: number;
  completed: number;
}

/**
 * For the IOC: per service and commune, whether it is on and what its dossiers did (counts only, by
 * the owner's commune), so on and off communes can be compared.
 */
export async function rolloutComparison(db: Executor, opts: { service?: string } = {}): Promise<RolloutComparisonRow[]> {
  const services = liveCatalogue().filter((s) => !opts.service || s.code === opts.service);
  if (!services.length) return [];
  const codes = sql.join(services.map((s) => sql`(${s.code}::text)`), sql`, `);
  return queryRows<RolloutComparisonRow>(db, sql`
    WITH svc(code) AS (VALUES ${codes}),
    communes AS (SELECT DISTINCT commune FROM citizens),
    grid AS (
      SELECT svc.code, communes.commune,
        NOT EXISTS (SELECT 1 FROM service_rollout r WHERE r.service_code = svc.code)
          OR EXISTS (SELECT 1 FROM service_rollout r WHERE r.service_code = svc.code AND r.commune = communes.commune AND r.enabled = 1) AS enabled
      FROM svc CROSS JOIN communes
    ),
    counts AS (
      SELECT d.service_code, c.commune, count(*)::int AS prepared,
        count(*) FILTER (WHERE d.submitted_at IS NOT NULL)::int AS submitted,
        count(*) FILTER (WHERE d.result_at IS NOT NULL)::int AS completed
      FROM dossiers d JOIN citizens c ON c.id = d.owner_id
      GROUP BY d.service_code, c.commune
    )
    SELECT g.code AS "serviceCode", g.commune, g.enabled, coalesce(k.prepared, 0) AS prepared,
      coalesce(k.submitted, 0) AS submitted, coalesce(k.completed, 0) AS completed
    FROM grid g LEFT JOIN counts k ON k.service_code = g.code AND k.commune = g.commune
    ORDER BY g.code, g.commune`);
}

/** The rollout rows of one service, for the console. */
export async function rolloutOf(db: Executor, code: string) {
  return db.select().from(serviceRollout).where(and(eq(serviceRollout.serviceCode, code)));
}
