import type { KpiCounts } from "./dossier-kpis";

/** part ÷ whole; null when there is nothing to divide, since a rate over no dossiers is unknown, not 0 %. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

interface KpiRates {
  onTime: number | null;
  fullyOnline: number | null;
  conversion: number | null;
}

/** The rates a manager reads, each over the dossiers it is about. */
export function kpiRates(counts: KpiCounts): KpiRates {
  return {
    onTime: share(counts.onTime, counts.results),
    fullyOnline: share(counts.fullyOnline, counts.results),
    conversion: share(counts.renewed, counts.renewalSmsSent),
  };
}
