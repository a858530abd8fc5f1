import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDossiersFor } from "@/lib/db/dossier-queries";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { DossierListLive } from "@/components/pwa/live-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("dossiers");
  return { title: t("title") };
}

export default async function MyDossiersPage() {
  const citizenId = await requireCitizen("/dossiers");
  const [dossiers, t, locale] = await Promise.all([
    listDossiersFor(await getDb(), citizenId),
    getTranslations("dossiers"),
    getLocale(),
  ]);
  return (
    <>
      <DossierListLive versions={Object.fromEntries(dossiers.map((d) => [d.code, d.version]))} />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {dossiers.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {dossiers.map((d) => {
            const service = findService(d.serviceCode, d.serviceVersion);
            return (
              <li key={d.id}>
                <Link
                  href={`/dossiers/${d.code}`}
                  className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 hover:ring-2 hover:ring-brand"
                >
                  <span className="block text-lg font-semibold leading-snug">{service ? pick(service.shortName, locale) : d.serviceCode}</span>
                  <span className="mt-1 block font-mono text-sm text-stone-600">{d.code}</span>
                  <span className="mt-2 flex flex-wrap items-center gap-2">
                    <StatusBadge status={d.status} />
                    {d.role === "co-parent" && <span className="text-sm text-stone-600">{t("coParent")}</span>}
                    <span className="text-sm text-stone-600">{t("updated", { date: formatDate(d.updatedAt) })}</span>
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
