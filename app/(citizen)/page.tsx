import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { homeFor } from "@/lib/db/dossier-queries";
import { inProgressStatuses, isAwaitingCitizen } from "@/lib/dossiers/status";
import { findService } from "@/lib/services/catalogue";
import { DossierCard } from "@/components/dossier/dossier-card";
import { ProcessingCard } from "@/components/dossier/processing-card";
import { dossiersDelegatedTo } from "@/lib/db/delegation-queries";
import { DelegatedList } from "@/components/help/delegated-list";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("home");
  return { title: t("title") };
}

export default async function ForYouPage() {
  const citizenId = await requireCitizen("/");
  const db = await getDb();
  const [home, delegated, t, locale] = await Promise.all([
    homeFor(db, citizenId),
    dossiersDelegatedTo(db, citizenId, clock.now()),
    getTranslations("home"),
    getLocale(),
  ]);
  const awaiting = home.dossiers.filter((d) => isAwaitingCitizen(d.status) && findService(d.serviceCode, d.serviceVersion));
  const processing = home.dossiers.filter((d) => inProgressStatuses.includes(d.status) && findService(d.serviceCode, d.serviceVersion));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{home.fullName && t("greeting", { name: home.fullName })}</p>
      <p className="text-stone-700">{t("lead")}</p>
      <p className="mt-2 text-sm text-stone-700">{t("proactive")}</p>
      <h2 className="mt-6 text-xl font-bold">{t("awaitingTitle")}</h2>
      {awaiting.length === 0 ? (
        <p className="mt-3 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {awaiting.map((d) => (
            <li key={d.id}>
              <DossierCard dossier={d} service={findService(d.serviceCode, d.serviceVersion)!} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      {processing.length > 0 && (
        <section aria-labelledby="processing" className="mt-8">
          <h2 id="processing" className="text-xl font-bold">{t("processingTitle")}</h2>
          <ul className="mt-3 space-y-3">
            {processing.map((d) => (
              <li key={d.id}>
                <ProcessingCard dossier={d} service={findService(d.serviceCode, d.serviceVersion)!} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <DelegatedList dossiers={delegated} />
      <p className="mt-6">
        <Link href="/household" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">
          {t("householdLink")}
        </Link>
      </p>
      <p>
        <Link href="/dossiers" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">
          {t("seeAll")}
        </Link>
      </p>
    </>
  );
}
