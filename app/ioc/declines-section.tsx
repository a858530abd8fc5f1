import { getTranslations } from "next-intl/server";
import type { ServiceDeclines } from "@/lib/kpi/declines";
import { declineReasons } from "@/lib/dossiers/decline";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";
import { IocTable, cell, num, rowClass } from "./ioc-table";

/** Per service: how often citizens said "Không cần", and why. */
export async function DeclinesSection({ declines, serviceName, locale }: { declines: ServiceDeclines[]; serviceName: (code: string) => string; locale: string }) {
  const [t, tr, tc] = await Promise.all([getTranslations("ioc.declines"), getTranslations("declineReason"), getTranslations("ioc")]);
  return (
    <section aria-labelledby="declines-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="declines-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <IocTable
        id="declines-table"
        minWidth="min-w-[36rem]"
        className="mt-4"
        columns={[
          { label: t("service") },
          { label: t("prepared"), numeric: true },
          { label: t("declined"), numeric: true },
          { label: t("rate"), numeric: true },
          { label: t("reasons") },
        ]}
      >
        {declines.map((d) => (
          <tr key={d.service} className={rowClass}>
            <th scope="row" className={`${cell} text-left font-semibold`}>{serviceName(d.service)}</th>
            <td className={num}>{formatNumber(d.prepared, locale)}</td>
            <td className={num}>{formatNumber(d.declined, locale)}</td>
            <td className={num}><Percent value={d.rate} locale={locale} empty={tc("noData")} /></td>
            <td className={cell}>
              {[...declineReasons.map((r) => [tr(r), d.reasons[r]] as const), [t("unstated"), d.reasons.unstated] as const]
                .filter(([, n]) => n > 0)
                .map(([label, n]) => `${label}: ${formatNumber(n, locale)}`)
                .join(" · ")}
            </td>
          </tr>
        ))}
      </IocTable>
    </section>
  );
}
