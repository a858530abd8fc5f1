import { formatNumber, formatPercent } from "@/lib/kpi/format";

/** A missing figure reads as words to a screen reader, as a dash to the eye. */
export function NoData({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </>
  );
}

export function Percent({ value, locale, empty }: { value: number | null; locale: string; empty: string }) {
  return value === null ? <NoData label={empty} /> : <>{formatPercent(value, locale)}</>;
}

export function Decimal({ value, locale, empty }: { value: number | null; locale: string; empty: string }) {
  return value === null ? <NoData label={empty} /> : <>{formatNumber(value, locale)}</>;
}

/** A bar that repeats a number shown beside it, so it is hidden from assistive technology. */
export function Bar({ fraction, className = "bg-sky-700", size = "h-2" }: { fraction: number | null; className?: string; size?: string }) {
  const width = Math.max(0, Math.min(1, fraction ?? 0)) * 100;
  return (
    <span aria-hidden="true" className={`block w-full overflow-hidden rounded-full bg-stone-200 ${size}`}>
      <span className={`block rounded-full ${size} ${className}`} style={{ width: `${width}%` }} />
    </span>
  );
}
