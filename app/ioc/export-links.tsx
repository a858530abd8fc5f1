import { getTranslations } from "next-intl/server";
import type { KpiFilters } from "@/lib/kpi/filters";

/** Plain download links carrying the dashboard's filters. */
export async function ExportLinks({ filters }: { filters: KpiFilters }) {
  const t = await getTranslations("ioc.export");
  const href = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams({ format });
    if (filters.service) params.set("service", filters.service);
    if (filters.commune) params.set("commune", filters.commune);
    return `/ioc/export?${params}`;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg bg-slate-800 px-4 font-semibold text-white";
  return (
    <section aria-labelledby="export-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="export-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <a href={href("csv")} className={link} download>{t("csv")}</a>
        <a href={href("xlsx")} className={link} download>{t("xlsx")}</a>
      </p>
    </section>
  );
}
