import type { RolloutComparisonRow } from "../services/store";

export interface RolloutSide {
  communes: number;
  prepared: number;
  submitted: number;
  /** Submitted per prepared dossier; null when nothing was prepared. */
  submittedRate: number | null;
}

export interface RolloutComparison {
  service: string;
  on: RolloutSide;
  off: RolloutSide;
}

function side(rows: RolloutComparisonRow[]): RolloutSide {
  const prepared = rows.reduce((n, r) => n + Number(r.prepared), 0);
  const submitted = rows.reduce((n, r) => n + Number(r.submitted), 0);
  return { communes: rows.length, prepared, submitted, submittedRate: prepared > 0 ? submitted / prepared : null };
}

/** Per service switched on in some communes only: the on and the off communes side by side (counts only). */
export function compareRollout(rows: RolloutComparisonRow[]): RolloutComparison[] {
  const byService = new Map<string, RolloutComparisonRow[]>();
  for (const r of rows) byService.set(r.serviceCode, [...(byService.get(r.serviceCode) ?? []), r]);
  return [...byService.entries()]
    .filter(([, list]) => list.some((r) => !r.enabled) && list.some((r) => r.enabled))
    .map(([service, list]) => ({ service, on: side(list.filter((r) => r.enabled)), off: side(list.filter((r) => !r.enabled)) }));
}
