import { getTranslations } from "next-intl/server";
import type { RolloutComparison } from "@/lib/kpi/rollout";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";

const num = "px-2 py-2 text-right tabular-nums";

/** Services switched on in some communes only: what the on communes did beside the off ones. */
export async function RolloutSection({ rows, serviceName, locale }: { rows: RolloutComparison[]; serviceName: (code: string) => string; locale: string }) {
  const [t, tc] = await Promise.all([getTranslations("ioc.rollout"), getTranslations("ioc")]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="rollout-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="rollout-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <div className="relative mt-4 overflow-x-auto">
        <table id="rollout-table" className="w-full min-w-[40rem] text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="px-2 py-2">{t("service")}</th>
              <th scope="col" className="px-2 py-2">{t("where")}</th>
              <th scope="col" className={num}>{t("communes")}</th>
              <th scope="col" className={num}>{t("prepared")}</th>
              <th scope="col" className={num}>{t("submitted")}</th>
              <th scope="col" className={num}>{t("rate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((r) =>
              (["on", "off"] as const).map((which) => (
                <tr key={`${r.service}-${which}`} className="border-b border-stone-200">
                  {which === "on" && (
                    <th scope="rowgroup" rowSpan={2} className="px-2 py-2 text-left align-top font-semibold">{serviceName(r.service)}</th>
                  )}
                  <td className="px-2 py-2">{t(which)}</td>
                  <td className={num}>{formatNumber(r[which].communes, locale)}</td>
                  <td className={num}>{formatNumber(r[which].prepared, locale)}</td>
                  <td className={num}>{formatNumber(r[which].submitted, locale)}</td>
                  <td className={num}><Percent value={r[which].submittedRate} locale={locale} empty={tc("noData")} /></td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
