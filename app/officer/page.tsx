import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { communesOfAgency, communesOfCity, officerQueue, queueStatuses, servicesOfAgency, slaMark } from "@/lib/db/officer-queries";
import { staffPost } from "@/lib/db/staff-accounts";
import { centreLoads } from "@/lib/kpi/sla-risk";
import { SlaWarning } from "./sla-warning";
import { statusSchema } from "@/lib/dossiers/status";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { FilterSelect } from "@/components/staff/filter-select";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.queue");
  return { title: t("title") };
}

const filtersSchema = z.object({
  service: z.string().max(60).optional().catch(undefined),
  status: statusSchema.optional().catch(undefined),
  commune: z.string().max(120).optional().catch(undefined),
  reassigned: z.literal("1").optional().catch(undefined),
  reassignError: z.enum(["invalid", "not_lead", "not_found", "not_allowed", "conflict"]).optional().catch(undefined),
});

export default async function OfficerQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireStaff("officer", "/officer");
  // An agency that registers nothing here (the police, a hospital) works on data reported as wrong.
  if (servicesOfAgency(officer.agency).length === 0) redirect("/officer/corrections");
  const raw = filtersSchema.parse(await searchParams);
  const filters = { service: raw.service || undefined, status: raw.status, commune: raw.commune || undefined };
  const db = await getDb();
  const [rows, communes, t, ts, locale] = await Promise.all([
    officerQueue(db, officer, filters),
    communesOfAgency(db, officer),
    getTranslations("officer.queue"),
    getTranslations("status"),
    getLocale(),
  ]);
  const today = clock.today();
  const services = servicesOfAgency(officer.agency);
  const post = await staffPost(db, officer.username);
  // The lead sees their centres' SLA risk: every centre of the agency, or their own commune's.
  const loads = post?.lead ? (await centreLoads(db, { today, agency: officer.agency })).filter((l) => post.commune === null || l.commune === post.commune) : [];
  const cityCommunes = loads.some((l) => l.atRisk > 0) ? await communesOfCity(db) : [];
  const outcome = raw.reassigned ? ({ ok: true } as const) : raw.reassignError ? ({ ok: false, error: raw.reassignError } as const) : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <SlaWarning loads={loads} communes={cityCommunes} locale={locale} outcome={outcome} />
      <form method="get" className="mt-4 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-4" aria-label={t("filters")}>
        <FilterSelect label={t("service")} name="service" value={filters.service} all={t("all")} options={services.map((code) => ({ value: code, label: pick(findService(code)!.shortName, locale) }))} />
        <FilterSelect label={t("status")} name="status" value={filters.status} all={t("all")} options={queueStatuses.map((s) => ({ value: s, label: ts(s) }))} />
        <FilterSelect label={t("commune")} name="commune" value={filters.commune} all={t("all")} options={communes.map((c) => ({ value: c, label: c }))} />
        <button type="submit" className="min-h-11 self-end rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700" role="status">{t("count", { count: rows.length })}</p>
      {rows.length === 0 ? (
        <p className="mt-2 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {rows.map((row) => {
            const mark = slaMark(row, today);
            const overdue = mark === "overdue";
            const dueToday = mark === "dueToday";
            return (
              <li key={row.code} data-code={row.code}>
                <Link href={`/officer/dossiers/${row.code}`} className="grid gap-1 p-4 hover:bg-stone-50 sm:grid-cols-[1fr_auto] sm:items-center">
                  <span>
                    <span className="block font-semibold">{pick(findService(row.serviceCode)!.shortName, locale)} · {row.ownerName}</span>
                    <span className="block font-mono text-sm text-stone-600">{row.code} · {row.commune}</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={statusSchema.parse(row.status)} />
                    <span className={overdue ? "font-bold text-red-800" : dueToday ? "font-bold text-orange-800" : "text-stone-700"}>
                      {t("due")}: {row.slaDueDate ? formatDate(row.slaDueDate) : t("noDue")}
                      {overdue && ` — ⚠ ${t("overdue")}`}
                      {dueToday && ` — ⏰ ${t("dueToday")}`}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
