import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import type { CitizenDossier } from "@/lib/db/dossier-queries";
import type { ServiceDefinition } from "@/lib/services/definition";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";

/** A submitted dossier on the home page: what it is, where it stands, and its next date. */
export async function ProcessingCard({ dossier, service, locale }: { dossier: CitizenDossier; service: ServiceDefinition; locale: string }) {
  const t = await getTranslations("home");
  const ready = dossier.result !== null && dossier.result !== undefined;
  return (
    <article aria-labelledby={`processing-${dossier.code}`} className="rounded-xl bg-white p-4 ring-1 ring-stone-200" data-processing={dossier.code}>
      <div className="flex items-start justify-between gap-3">
        <h3 id={`processing-${dossier.code}`} className="text-lg font-bold leading-snug">
          {pick(service.shortName, locale)}
        </h3>
        <StatusBadge status={dossier.status} />
      </div>
      <p className="mt-2 font-semibold">
        {ready ? t("resultReady") : dossier.slaDueDate ? t("due", { date: formatDate(dossier.slaDueDate) }) : null}
      </p>
      <Link href={`/dossiers/${dossier.code}`} className="mt-3 flex min-h-12 items-center justify-center rounded-lg bg-white px-4 font-semibold text-brand ring-2 ring-brand">
        {t("open")}
      </Link>
    </article>
  );
}
