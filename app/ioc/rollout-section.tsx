import { getTranslations } from "next-intl/server";
import type { RolloutComparison } from "@/lib/kpi/rollout";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";
import { IocTable, cell, num, rowClass } from "./ioc-table";

/** Services switched on in some communes only: what the on communes did beside the off ones. */
export async function RolloutSection({ rows, serviceName, locale }: { rows: RolloutComparison[]; serviceName: (code: string) => string; locale: string }) {
  const [t, tc] = await Promise.all([getTranslations("ioc.rollout"), getTranslations("ioc")]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="rollout-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="rollout-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <IocTable
        id="rollout-table"
        minWidth="min-w-[40rem]"
        className="mt-4"
        columns={[
          { label: t("service") },
          { label: t("where") },
          { label: t("communes"), numeric: true },
          { label: t("prepared"), numeric: true },
          { label: t("submitted"), numeric: true },
          { label: t("rate"), numeric: true },
        ]}
      >
        {rows.flatMap((r) =>
          (["on", "off"] as const).map((which) => (
            <tr key={`${r.service}-${which}`} className={rowClass}>
              {which === "on" && (
                <th scope="rowgroup" rowSpan={2} className={`${cell} text-left align-top font-semibold`}>{serviceName(r.service)}</th>
              )}
              <td className={cell}>{t(which)}</td>
              <td className={num}>{formatNumber(r[which].communes, locale)}</td>
              <td className={num}>{formatNumber(r[which].prepared, locale)}</td>
              <td className={num}>{formatNumber(r[which].submitted, locale)}</td>
              <td className={num}><Percent value={r[which].submittedRate} locale={locale} empty={tc("noData")} /></td>
            </tr>
          )),
        )}
      </IocTable>
    </section>
  );
}
