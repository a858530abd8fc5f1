import { getTranslations } from "next-intl/server";
import type { KpiCounts } from "@/lib/kpi/dossier-kpis";
import { share } from "@/lib/kpi/rates";
import { formatNumber, formatPercent } from "@/lib/kpi/format";
import { Bar } from "./metric";

const steps = ["prepared", "notified", "confirmed", "results", "delivered"] as const;
const sidePaths = ["declined", "expired", "rejected"] as const;

/** Horizontal bars in funnel order; each step's number and share are written out beside its bar. */
export async function FunnelChart({ counts, locale }: { counts: KpiCounts; locale: string }) {
  const [t, ts] = await Promise.all([getTranslations("ioc.funnel"), getTranslations("status")]);
  return (
    <section aria-labelledby="funnel-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="funnel-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <ol className="mt-4 space-y-4">
        {steps.map((step, i) => {
          const fraction = share(counts[step], counts.prepared);
          return (
            <li key={step} data-step={step}>
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-semibold">
                  <span aria-hidden="true" className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-800 text-sm text-white">{i + 1}</span>
                  {t(step)}
                </span>
                <span className="text-2xl font-bold tabular-nums">{formatNumber(counts[step], locale)}</span>
              </div>
              <div className="mt-1">
                <Bar fraction={fraction} className="bg-brand" size="h-5" />
              </div>
              {i > 0 && fraction !== null && (
                <p className="mt-1 text-sm text-stone-700">{t("ofPrepared", { percent: formatPercent(fraction, locale) })}</p>
              )}
            </li>
          );
        })}
      </ol>
      <h3 className="mt-6 font-semibold">{t("sidePaths")}</h3>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {sidePaths.map((status) => (
          <li key={status} data-status={status}>
            {ts(status)}: <span className="font-bold tabular-nums">{formatNumber(counts[status], locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
