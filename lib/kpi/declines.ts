import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import { declineReasons, type DeclineReason } from "../dossiers/decline";
import type { DossierKpis } from "./dossier-kpis";
import { share } from "./rates";

export interface ServiceDeclines {
  service: string;
  prepared: number;
  declined: number;
  /** declined ÷ prepared: a rule that fires wrongly shows a high share. */
  rate: number | null;
  /** Declines per reason the citizen gave; `unstated` when they gave none. */
  reasons: Record<DeclineReason | "unstated", number>;
}

const reasonRow = z.object({ service_code: z.string(), reason: z.string().nullable(), n: z.coerce.number().int() });

/** Per service: the share of prepared dossiers citizens declined, and why, within the dashboard's filters. */
export async function declinesByService(db: Executor, kpis: DossierKpis, opts: { commune?: string }): Promise<ServiceDeclines[]> {
  const rows = await queryRows<unknown>(db, sql`
    SELECT d.service_code, e.data ->> 'reason' AS reason, count(*) AS n
    FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id JOIN citizens c ON c.id = d.owner_id
    WHERE e.kind = 'status' AND e.to_status = 'declined'
      AND ${opts.commune === undefined ? sql`true` : sql`c.commune = ${opts.commune}`}
    GROUP BY 1, 2`);
  const empty = () => Object.fromEntries([...declineReasons, "unstated"].map((r) => [r, 0])) as ServiceDeclines["reasons"];
  const reasons = new Map<string, ServiceDeclines["reasons"]>();
  for (const raw of rows) {
    const r = reasonRow.parse(raw);
    const known = declineReasons.find((x) => x === r.reason) ?? "unstated";
    const tally = reasons.get(r.service_code) ?? empty();
    tally[known] += r.n;
    reasons.set(r.service_code, tally);
  }
  return kpis.byService.map((s) => ({
    service: s.service,
    prepared: s.prepared,
    declined: s.declined,
    rate: share(s.declined, s.prepared),
    reasons: reasons.get(s.service) ?? empty(),
  }));
}
