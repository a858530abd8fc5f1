import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getLocale, getTranslations } from "next-intl/server";
import type { DelegatedDossier } from "@/lib/db/delegation-queries";
import { findService } from "@/lib/services/catalogue";
import { statusSchema } from "@/lib/dossiers/status";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";

/** The delegate's home: the dossiers relatives granted them, each with whose it is and until when. */
export async function DelegatedList({ dossiers }: { dossiers: DelegatedDossier[] }) {
  if (dossiers.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("help.delegated"), getLocale()]);
  return (
    <section aria-labelledby="delegated" className="mt-8">
      <h2 id="delegated" className="text-xl font-bold">{t("title")}</h2>
      <p className="mt-1 text-sm text-stone-700">{t("lead")}</p>
      <ul className="mt-3 space-y-3">
        {dossiers.map((d) => {
          const service = findService(d.serviceCode);
          const status = statusSchema.safeParse(d.status);
          return (
            <li key={d.code} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
              <Link href={`/dossiers/${d.code}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">
                {t("item", { service: service ? pick(service.shortName, locale) : d.serviceCode, name: d.grantorName })}
              </Link>
              <p className="font-mono text-sm text-stone-600">{d.code}</p>
              <p className="text-sm text-stone-700">{t("until", { date: formatDate(d.endsAt) })}</p>
              {status.success && <div className="mt-2"><StatusBadge status={status.data} /></div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
