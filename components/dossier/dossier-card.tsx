import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import type { CitizenDossier } from "@/lib/db/dossier-queries";
import type { ServiceDefinition } from "@/lib/services/definition";
import { pick } from "@/lib/i18n/localized";
import { daysBetween, formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { ReasonText } from "./reason-text";
import * as clock from "@/lib/clock";
import { randomUUID } from "node:crypto";
import { formatVnd } from "@/lib/money";
import { initialValues } from "@/lib/services/citizen-input";
import { missingAnswers } from "@/lib/services/missing";
import { saveDossier } from "@/app/(citizen)/dossiers/[code]/actions";
import { QuickConfirm } from "./quick-confirm";

export async function DossierCard({ dossier, service, locale }: { dossier: CitizenDossier; service: ServiceDefinition; locale: string }) {
  const t = await getTranslations("home");
  const td = await getTranslations("dossier");
  const tp = await getTranslations("pwa");
  const missing = missingAnswers(service, dossier.prefilled, dossier.citizenData);
  // The button names what is needed, and lands on the first unanswered question, not past it.
  const ask = service.citizenFields.find((f) => f.key === missing[0]);
  const askLabel = missing.length === 1 && ask && "ask" in ask && ask.ask ? pick(ask.ask, locale) : t("answer", { count: missing.length });
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
        {dossier.status === "prepared" && missing.length === 0 ? (
          <QuickConfirm
            code={dossier.code}
            version={dossier.version}
            idempotencyKey={randomUUID()}
            action={saveDossier}
            rows={quickSummary(service, dossier, locale, td)}
            text={{
              open: t("confirm"),
              consent: t("quickConsent"),
              confirm: td("confirmButton"),
              sending: td("sending"),
              pending: t("quickPending"),
              signIn: t("quickSignIn"),
              refused: t("quickRefused"),
              unsaved: tp("notSaved"),
            }}
          />
        ) : missing.length > 0 ? (
          <Link href={`${href}#field-${missing[0]}`} className="flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 text-center font-semibold text-white hover:bg-brand-dark">
            {askLabel}
          </Link>
        ) : (
          <Link href={`${href}#xac-nhan`} className="flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-white hover:bg-brand-dark">
            {t("confirm")}
          </Link>
        )}
        <Link href={`${href}#sua-thong-tin`} className="flex min-h-12 items-center justify-center rounded-lg bg-white px-4 font-semibold text-brand ring-2 ring-brand">
          {t("amend")}
        </Link>
      </div>
    </article>
  );
}

type Td = Awaited<ReturnType<typeof getTranslations<"dossier">>>;

/** The short summary a one-tap confirm shows: what is issued, how it arrives, what it costs, and the answers given. */
function quickSummary(service: ServiceDefinition, dossier: CitizenDossier, locale: string, td: Td) {
  const values = initialValues(service, dossier.prefilled, dossier.citizenData);
  const answers = service.citizenFields.flatMap((f) => {
    const value = values[f.key];
    if (value === undefined || value === "") return [];
    const option = "options" in f ? f.options.find((o) => o.value === value) : undefined;
    return [{ label: pick(f.label, locale), value: option ? pick(option.label, locale) : value }];
  });
  return [
    { label: td("result"), value: pick(service.result, locale) },
    ...answers,
    ...(values.delivery ? [{ label: td("delivery"), value: td(`deliveryOptions.${values.delivery}` as "deliveryOptions.post") }] : []),
    { label: td("fee"), value: service.feeVnd === 0 ? td("free") : formatVnd(service.feeVnd, locale) },
  ];
}
