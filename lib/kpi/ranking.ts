import type { DossierKpis, KpiCounts } from "./dossier-kpis";
import { kpiRates } from "./rates";

export interface RankedRow {
  key: string;
  results: number;
  onTime: number | null;
  fullyOnline: number | null;
}

const collator = new Intl.Collator("vi");

/**
 * The seeds' thi đua: best on-time rate first, then fully-online rate, then more results. Rows with no
 * result yet have no rate and go last, never ranked as 0 %.
 */
export function rank(rows: (KpiCounts & { key: string })[]): RankedRow[] {
  const byRate = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
  return rows
    .map((r) => ({ key: r.key, results: r.results, ...kpiRates(r) }))
    .sort((a, b) => byRate(a.onTime, b.onTime) || byRate(a.fullyOnline, b.fullyOnline) || b.results - a.results || collator.compare(a.key, b.key))
    .map(({ key, results, onTime, fullyOnline }) => ({ key, results, onTime, fullyOnline }));
}

export function rankings(kpis: DossierKpis): { communes: RankedRow[]; services: RankedRow[] } {
  return {
    communes: rank(kpis.byCommune.map(({ commune, ...c }) => ({ key: commune, ...c }))),
    services: rank(kpis.byService.map(({ service, ...c }) => ({ key: service, ...c }))),
  };
}
