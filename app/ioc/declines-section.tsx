import { getTranslations } from "next-intl/server";
import type { ServiceDeclines } from "@/lib/kpi/declines";
import { declineReasons } from "@/lib/dossiers/decline";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";

const num = "px-2 py-2 text-right tabular-nums";

/** Per service: how often citizens said "Không cần", and why. */
export async function DeclinesSection({ declines, serviceName, locale }: { declines: ServiceDeclines[]; serviceName: (code: string) => string; locale: string }) {
  const [t, tr, tc] = await Promise.all([getTranslations("ioc.declines"), getTranslations("declineReason"), getTranslations("ioc")]);
  return (
    <section aria-labelledby="declines-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="declines-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <div className="relative mt-4 overflow-x-auto">
        <table id="declines-table" className="w-full min-w-[36rem] text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="px-2 py-2">{t("service")}</th>
              <th scope="col" className={num}>{t("prepared")}</th>
              <th scope="col" className={num}>{t("declined")}</th>
              <th scope="col" className={num}>{t("rate")}</th>
              <th scope="col" className="px-2 py-2">{t("reasons")}</th>
            </tr>
          </thead>
          <tbody>
            {declines.map((d) => (
              <tr key={d.service} className="border-b border-stone-200">
                <th scope="row" className="px-2 py-2 text-left font-semibold">{serviceName(d.service)}</th>
                <td className={num}>{formatNumber(d.prepared, locale)}</td>
                <td className={num}>{formatNumber(d.declined, locale)}</td>
                <td className={num}><Percent value={d.rate} locale={locale} empty={tc("noData")} /></td>
                <td className="px-2 py-2">
                  {[...declineReasons.map((r) => [tr(r), d.reasons[r]] as const), [t("unstated"), d.reasons.unstated] as const]
                    .filter(([, n]) => n > 0)
                    .map(([label, n]) => `${label}: ${formatNumber(n, locale)}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
