import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import type { AccessEntry } from "@/lib/db/dossier-queries";
import { datasets, type DatasetCode } from "@/lib/gov/datasets";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { agencyName } from "@/lib/services/agency";
import { formatDateTime } from "@/lib/dates";
import { HOUSEHOLD_PURPOSE } from "@/lib/household/upcoming";
import { ASSISTED_PURPOSE_PREFIX } from "@/lib/dossiers/assist";

export async function DataAccessList({ rows, locale, showDossier }: { rows: AccessEntry[]; locale: string; showDossier: boolean }) {
  const [t, th] = await Promise.all([getTranslations("myData"), getTranslations("help.access")]);
  if (rows.length === 0) return <p className="rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>;
  return (
    <ul className="space-y-3">
      {rows.map((row) => {
        const service = findService(row.purpose);
        const dataset = datasets[row.dataset as DatasetCode];
        // A ward officer's read with the citizen's one-time code (lib/dossiers/assist.ts).
        const assistedBy = row.purpose.startsWith(ASSISTED_PURPOSE_PREFIX) ? row.purpose.slice(ASSISTED_PURPOSE_PREFIX.length) : null;
        return (
          <li key={row.id} className="rounded-lg bg-white p-3 text-sm ring-1 ring-stone-200">
            <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1">
              <dt className="text-stone-600">{t("agency")}</dt>
              <dd className="font-semibold">{service ? agencyName(service, undefined, locale) : row.agency}</dd>
              <dt className="text-stone-600">{t("dataset")}</dt>
              <dd>{assistedBy ? th("assistedDataset") : dataset ? `${pick(dataset.name, locale)} (${pick(dataset.agency, locale)})` : row.dataset}</dd>
              <dt className="text-stone-600">{t("purpose")}</dt>
              <dd>{assistedBy ? th("assistedPurpose", { officer: assistedBy }) : service ? pick(service.shortName, locale) : row.purpose === HOUSEHOLD_PURPOSE ? t("householdPurpose") : row.purpose}</dd>
              <dt className="text-stone-600">{t("when")}</dt>
              <dd>{formatDateTime(row.at)}</dd>
              {showDossier && row.dossierCode && (
                <>
                  <dt className="text-stone-600">{t("dossier")}</dt>
                  <dd>
                    <Link href={`/dossiers/${row.dossierCode}`} className="font-mono text-blue-800 underline">
                      {row.dossierCode}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
