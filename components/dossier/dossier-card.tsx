import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CitizenDossier } from "@/lib/db/dossier-queries";
import type { ServiceDefinition } from "@/lib/services/definition";
import { pick } from "@/lib/i18n/localized";
import { daysBetween, formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { ReasonText } from "./reason-text";
import * as clock from "@/lib/clock";

export async function DossierCard({ dossier, service, locale }: { dossier: CitizenDossier; service: ServiceDefinition; locale: string }) {
  const t = await getTranslations("home");
  const href = `/dossiers/${dossier.code}`;
  const daysLeft = Math.max(0, daysBetween(clock.today(), dossier.confirmDeadline));
  const headingId = `card-${dossier.code}`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <div className="flex items-start justify-between gap-3">
        <h2 id={headingId} className="text-lg font-bold leading-snug">
          {pick(service.shortName, locale)}
        </h2>
        <StatusBadge status={dossier.status} />
      </div>
      <p className="mt-2">{dossier.status === "needs_info" ? t("needsInfo") : pick(service.prepared, locale)}</p>
      <div className="mt-3 rounded-lg bg-stone-50 p-3 text-sm">
        <p className="font-semibold">{t("why")}</p>
        <p className="mt-0.5">
          <ReasonText template={pick(service.reason, locale)} params={dossier.reason} />
        </p>
      </div>
      <p className="mt-3 text-sm font-medium">
        {t("deadline", { date: formatDate(dossier.confirmDeadline) })} · {t("daysLeft", { days: daysLeft })}
      </p>
      <div className="mt-4 grid grid-cols-2 gap-3">
        <Link href={`${href}#xac-nhan`} className="flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-white hover:bg-brand-dark">
          {t("confirm")}
        </Link>
        <Link href={`${href}#sua-thong-tin`} className="flex min-h-12 items-center justify-center rounded-lg bg-white px-4 font-semibold text-brand ring-2 ring-brand">
          {t("amend")}
        </Link>
      </div>
    </article>
  );
}
