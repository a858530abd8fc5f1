import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { pick } from "@/lib/i18n/localized";
import { liveCatalogue } from "@/lib/services/catalogue";
import { CENTRE_AGENCY, proposalsFor } from "@/lib/services/proposals";
import { refreshServices } from "@/lib/services/store";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.services");
  return { title: t("title") };
}

export default async function ServicesPage() {
  const officer = await requireStaff("officer", "/officer/services");
  const db = await getDb();
  await refreshServices(db);
  const [t, locale, proposals] = await Promise.all([getTranslations("officer.services"), getLocale(), proposalsFor(db, officer.agency)]);
  const centre = officer.agency === CENTRE_AGENCY;
  const live = liveCatalogue().filter((s) => centre || s.agency.code === officer.agency);
  const pending = proposals.filter((p) => p.status === "submitted");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 mt-1 text-stone-700">{t("lead")}</p>
      {centre && (
        <section aria-labelledby="to-review" className="mb-6">
          <h2 id="to-review" className="mb-2 text-lg font-semibold">{t("toReview")}</h2>
          {pending.length === 0 ? (
            <p className="rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg bg-white ring-1 ring-stone-200">
              {pending.map((p) => (
                <li key={`${p.code}-${p.version}`} className="p-3">
                  <Link className="inline-flex min-h-11 items-center font-semibold underline" href={`/officer/services/review/${p.code}/${p.version}`}>
                    {pick((p.definition as { shortName: { vi: string; en: string } }).shortName, locale)} · {t("version", { version: p.version })}
                  </Link>
                  <span className="block text-sm text-stone-600">{t("proposedBy", { who: p.proposedBy })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {!centre && (
        <p className="mb-4">
          <Link href="/officer/services/draft" className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300">
            {t("newDraft")}
          </Link>
        </p>
      )}
      {!centre && (
        <section aria-labelledby="proposals" className="mb-6">
          <h2 id="proposals" className="mb-2 text-lg font-semibold">{t("proposals")}</h2>
          {proposals.length === 0 ? (
            <p className="rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg bg-white ring-1 ring-stone-200">
              {proposals.map((p) => (
                <li key={`${p.code}-${p.version}`} className="p-3">
                  <span className="font-semibold">{p.code}</span> · {t("version", { version: p.version })} · {t(`status.${p.status}`)}
                  {p.note && <span className="block text-sm text-stone-700">{t("note")}: {p.note}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="live">
        <h2 id="live" className="mb-2 text-lg font-semibold">{t("live")} ({live.length})</h2>
        <ul className="divide-y divide-stone-200 rounded-lg bg-white ring-1 ring-stone-200">
          {live.map((s) => (
            <li key={s.code} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <span className="font-semibold">{pick(s.shortName, locale)}</span> <span className="text-sm text-stone-600">· {t(`stage.${s.stage}`)} · {s.code}</span>
              </span>
              {!centre && (
                <Link className="inline-flex min-h-11 items-center underline" href={`/officer/services/draft?from=${s.code}`}>
                  {t("change")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
