import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { liveCatalogue } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import type { KpiFilters } from "@/lib/kpi/filters";
import { FilterSelect } from "@/components/staff/filter-select";

/** A plain GET form: filtering works without any script. */
export async function FilterForm({ filters, communes, locale }: { filters: KpiFilters; communes: string[]; locale: string }) {
  const t = await getTranslations("ioc.filters");
  const service = filters.service && liveCatalogue().find((s) => s.code === filters.service);
  // A commune typed into the URL with no dossiers still shows as the current choice.
  const communeOptions = filters.commune && !communes.includes(filters.commune) ? [...communes, filters.commune] : communes;
  const active = [service && pick(service.shortName, locale), filters.commune].filter(Boolean);
  return (
    <>
      <form method="get" role="search" aria-label={t("label")} className="mt-4 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-[1fr_1fr_auto]">
        <FilterSelect label={t("service")} name="service" value={filters.service} all={t("all")} options={liveCatalogue().map((s) => ({ value: s.code, label: pick(s.shortName, locale) }))} />
        <FilterSelect label={t("commune")} name="commune" value={filters.commune} all={t("all")} options={communeOptions.map((c) => ({ value: c, label: c }))} />
        <button type="submit" className="min-h-11 self-end rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("apply")}</button>
      </form>
      {active.length > 0 && (
        <p className="mt-3 flex flex-wrap items-center gap-x-3 text-sm" role="status">
          <span className="font-semibold">{t("showing", { filters: active.join(" · ") })}</span>
          <Link href="/ioc" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">{t("clear")}</Link>
        </p>
      )}
    </>
  );
}
