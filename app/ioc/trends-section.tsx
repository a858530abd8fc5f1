import { getTranslations } from "next-intl/server";
import type { CentreTrend } from "@/lib/kpi/trends";
import { centreName } from "@/lib/kpi/centres";
import { formatDate } from "@/lib/dates";
import { DailyLines } from "./charts/daily-lines";

const num = "px-2 py-1 text-right tabular-nums";
const series = [
  { key: "received", stroke: "stroke-sky-700" },
  { key: "resolved", stroke: "stroke-emerald-700" },
  { key: "backlog", stroke: "stroke-red-700", dashed: true },
] as const;

/** One small chart per centre, each with its figures in a table that opens under it. */
export async function TrendsSection({ trends, locale }: { trends: CentreTrend[]; locale: string }) {
  const t = await getTranslations("ioc.trends");
  const shortDay = (day: string) => formatDate(day).slice(0, 5);
  return (
    <section aria-labelledby="trends-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="trends-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <p className="mt-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-2">
            <svg width="24" height="8"><line x2="24" y1="4" y2="4" strokeWidth="3" className={s.stroke} strokeDasharray={"dashed" in s ? "6 4" : undefined} /></svg>
            {t(s.key)}
          </span>
        ))}
      </p>
      {trends.length === 0 && <p className="mt-3">{t("empty")}</p>}
      {trends.map((c) => {
        const name = centreName(c, locale);
        return (
          <article key={`${c.agency}|${c.commune}`} className="mt-6">
            <h3 className="font-semibold">{name}</h3>
            <DailyLines
              title={t("chart", { centre: name })}
              days={c.days.map((d) => d.day)}
              series={series.map((s) => ({ ...s, label: t(s.key) }))}
              values={(i, key) => c.days[i]![key as "received" | "resolved" | "backlog"]}
              dayLabel={shortDay}
            />
            <details className="mt-1">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800">{t("table")}</summary>
              <div className="relative overflow-x-auto">
                <table className="w-full min-w-[28rem] text-sm">
                  <thead>
                    <tr className="border-b border-stone-300 text-left">
                      <th scope="col" className="px-2 py-1">{t("day")}</th>
                      <th scope="col" className={num}>{t("received")}</th>
                      <th scope="col" className={num}>{t("resolved")}</th>
                      <th scope="col" className={num}>{t("backlog")}</th>
                      <th scope="col" className={num}>{t("onTime")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.days.map((d) => (
                      <tr key={d.day} className="border-b border-stone-200">
                        <th scope="row" className="px-2 py-1 text-left font-normal">{formatDate(d.day)}</th>
                        <td className={num}>{d.received}</td>
                        <td className={num}>{d.resolved}</td>
                        <td className={num}>{d.backlog}</td>
                        <td className={num}>{d.onTime}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </article>
        );
      })}
    </section>
  );
}
