import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossierPageFor } from "@/lib/db/dossier-queries";
import { findService } from "@/lib/services/catalogue";
import { initialValues } from "@/lib/services/citizen-input";
import { communeOf } from "@/lib/places/commune";
import type { ServiceDefinition } from "@/lib/services/definition";
import { isAwaitingCitizen } from "@/lib/dossiers/status";
import { pick } from "@/lib/i18n/localized";
import { daysBetween, formatDate } from "@/lib/dates";
import { formatVnd } from "@/lib/money";
import { StatusBadge } from "@/components/ui/status-badge";
import { PrefilledSummary } from "@/components/dossier/prefilled-summary";
import { Timeline } from "@/components/dossier/timeline";
import { ReasonText } from "@/components/dossier/reason-text";
import { DataAccessList } from "@/components/dossier/data-access-list";
import { DossierForm } from "@/components/dossier/dossier-form";
import { fieldViews } from "@/components/dossier/field-views";
import { answerAsParent, chooseCentre, declineService, payFee, rateService, reportWrong, saveDossier } from "./actions";
import { correctionsOf, mayReport, type CorrectionRequest } from "@/lib/corrections/requests";
import { correctionRoute, ownerAgencyName } from "@/lib/corrections/route";
import { ReportWrong } from "@/components/dossier/report-wrong";
import { CollectCentre } from "@/components/dossier/collect-centre";
import { collectCentre, mayChooseCentre } from "@/lib/delivery/collect";
import { declineReasons } from "@/lib/dossiers/decline";
import { FeePanel } from "@/components/dossier/fee-panel";
import { isPayable } from "@/lib/payments/orders";
import { paymentConfig } from "@/lib/payments/config";
import { partyMay } from "@/lib/dossiers/parties";
import { ParentReviewPanel } from "@/components/dossier/parent-review";
import { DossierLiveStatus } from "@/components/pwa/live-status";
import { ResultSummary } from "@/components/dossier/result-summary";
import * as clock from "@/lib/clock";
import { provisionalProof } from "@/lib/dossiers/provisional-proof";
import { ProvisionalProofPanel } from "@/components/dossier/provisional-proof-panel";
import { agencyName } from "@/lib/services/agency";
import { pendingDecisionStatuses } from "@/lib/dossiers/status";
import { delegationOver } from "@/lib/db/delegation-queries";

export const dynamic = "force-dynamic";

const params = z.object({ code: dossierCodeSchema });
const parentFeedback = z.enum(["sent", "reasonRequired", "reasonTooLong", "failed"]).optional().catch(undefined);
const reportFeedback = z.object({
  report: z.enum(["sent", "reasonRequired", "reasonTooLong", "failed"]).optional().catch(undefined),
  field: z.string().max(40).optional().catch(undefined),
  collect: z.enum(["saved", "failed"]).optional().catch(undefined),
});

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DossierPage(props: Props) {
  const parsed = params.safeParse(await props.params);
  if (!parsed.success) notFound();
  const { code } = parsed.data;
  const citizenId = await requireCitizen(`/dossiers/${code}`);
  const [page, t, locale, search] = await Promise.all([dossierPageFor(await getDb(), citizenId, code), getTranslations(), getLocale(), props.searchParams]);
  const service = page && findService(page.dossier.serviceCode, page.dossier.serviceVersion);
  if (!page || !service) notFound();
  const { dossier, events, access, matchCode } = page;
  const owner = dossier.role === "co-parent" ? page.ownerName : null;
  // A relative acting under the owner's grant sees whose it is and until when; paying, declining and
  // the other parent's answer stay with the parties.
  const delegate = dossier.role === "delegate";
  const grant = delegate ? await delegationOver(await getDb(), citizenId, dossier.id, clock.now()) : undefined;
  const rating = dossier.status === "delivered" ? page.ratingScore : null;
  const today = clock.today();
  const awaiting = isAwaitingCitizen(dossier.status);
  const justSubmitted = search.submitted === "1" && dossier.status === "submitted";
  const lastNoteFor = (status: string) => events.findLast((e) => e.toStatus === status)?.note;
  const officerRequest = dossier.status === "needs_info" ? lastNoteFor("needs_info") : undefined;
  const rejection = dossier.status === "rejected" ? lastNoteFor("rejected") : undefined;
  const proof = provisionalProof(dossier, today);
  const agency = agencyName(service, communeOf(dossier.prefilled), locale);
  const feeDue = awaiting
    ? { workingDays: service.slaWorkingDays }
    : pendingDecisionStatuses.includes(dossier.status) && dossier.slaDueDate
      ? { date: dossier.slaDueDate }
      : null;
  const { payment, parentReview: review } = page;
  const paymentNotice = search.payment === "paid" || search.payment === "unavailable" ? search.payment : undefined;
  const childName = typeof dossier.citizenData.childName === "string" ? dossier.citizenData.childName : null;
  const corrections = await correctionsOf(await getDb(), dossier.id);
  const latestReport = new Map<string, CorrectionRequest>();
  for (const c of corrections) if (!latestReport.has(c.fieldKey)) latestReport.set(c.fieldKey, c);
  const waiting = corrections.find((c) => c.status === "open" && c.effect === "wait");
  const waitingRoute = waiting && correctionRoute(service, waiting.fieldKey);
  const reported = reportFeedback.parse(search);
  // One fee panel: due on the confirm screen (at its foot) and while the agency decides, paid after; below the result once there is one.
  const fee = (
    <FeePanel
      dossierCode={dossier.code}
      feeVnd={service.feeVnd}
      agency={agency}
      locale={locale}
      due={feeDue}
      payment={payment}
      pay={delegate ? undefined : { payable: isPayable(dossier.status, service.feeVnd), online: paymentConfig() !== undefined, notice: paymentNotice, action: payFee }}
    />
  );
  const ownCommune = communeOf(dossier.prefilled);

  return (
    <>
    <DossierLiveStatus code={dossier.code} version={dossier.version} status={dossier.status} />
    <article className="space-y-6">
      <Link href="/dossiers" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">
        ← {t("dossier.back")}
      </Link>
      <header>
        <p className="text-sm text-stone-600">
          {t("dossiers.code")}: <span className="font-mono font-semibold text-ink">{dossier.code}</span>
        </p>
        <h1 className="mt-1 text-2xl font-bold leading-tight">{pick(service.shortName, locale)}</h1>
        <p className="mt-1 text-stone-700">{pick(service.name, locale)}</p>
        <div className="mt-3">
          <StatusBadge status={dossier.status} />
        </div>
      </header>

      {justSubmitted && (
        <div role="status" className="rounded-xl bg-emerald-700 p-5 text-white">
          <h2 className="text-xl font-bold">{t("dossier.submittedTitle")}</h2>
          <p className="mt-1">{t("dossier.submittedBody", { code: dossier.code })}</p>
        </div>
      )}

      {!awaiting && !dossier.result && fee}

      {proof && <ProvisionalProofPanel proof={proof} />}

      {owner && (
        <p className="rounded-lg border-l-4 border-sky-700 bg-sky-50 p-4">{t("dossier.coParent", { owner })}</p>
      )}

      {grant && (
        <p className="rounded-lg border-l-4 border-violet-700 bg-violet-50 p-4" data-delegate-banner>
          {t("help.delegated.banner", { owner: grant.grantorName, date: formatDate(grant.endsAt) })}
        </p>
      )}

      {review && !delegate && (
        <ParentReviewPanel
          review={review}
          viewerId={citizenId}
          canAnswer={!review.response && (partyMay("object", { citizenId, role: dossier.role }, dossier, today))}
          childName={childName}
          dossierCode={dossier.code}
          action={answerAsParent}
          feedback={parentFeedback.parse(search.parent)}
        />
      )}

      {officerRequest && (
        <section aria-labelledby="needs-info" className="rounded-xl border-l-4 border-orange-600 bg-orange-50 p-4">
          <h2 id="needs-info" className="font-bold">{t("dossier.needsInfoTitle")}</h2>
          <p className="mt-1 whitespace-pre-line">{officerRequest}</p>
        </section>
      )}

      {rejection && (
        <section aria-labelledby="rejected" className="rounded-xl border-l-4 border-red-700 bg-red-50 p-4">
          <h2 id="rejected" className="font-bold">{t("dossier.rejectedTitle")}</h2>
          <p className="mt-1 whitespace-pre-line">{rejection}</p>
        </section>
      )}

      {dossier.result && (
        <ResultSummary code={dossier.code} result={dossier.result} />
      )}

      {dossier.result && fee}

      {dossier.status === "delivered" && !delegate && (
        <section id="danh-gia" aria-labelledby="rate" className="scroll-mt-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="rate" className="font-bold">{t("dossier.rateTitle")}</h2>
          {rating !== null ? (
            <p role="status" className="mt-2">{t("dossier.rated", { score: rating })}</p>
          ) : (
            <form action={rateService} className="mt-2 space-y-3">
              <input type="hidden" name="dossierCode" value={dossier.code} />
              {search.rating === "invalid" && <p role="alert" className="font-semibold text-red-700">{t("dossier.rateInvalid")}</p>}
              <fieldset>
                <legend className="text-sm">{t("dossier.rateScore")}</legend>
                <div className="mt-2 grid grid-cols-5 gap-2">
                  {[1, 2, 3, 4, 5].map((score) => (
                    <label key={score} className="flex min-h-12 cursor-pointer items-center justify-center gap-1 rounded-lg ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-brand">
                      <input type="radio" name="score" value={score} className="h-4 w-4 accent-brand" />
                      <span className="font-semibold">{score}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <label htmlFor="comment" className="block text-sm font-semibold">{t("dossier.rateComment")}</label>
              <textarea id="comment" name="comment" rows={2} maxLength={1000} className="block w-full rounded-lg border-2 border-stone-400 p-2" />
              <button type="submit" className="min-h-12 w-full rounded-lg bg-brand font-semibold text-white">{t("dossier.rateSubmit")}</button>
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="why" className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
        <h2 id="why" className="font-bold">{t("dossier.why")}</h2>
        <p className="mt-1">
          <ReasonText template={pick(service.reason, locale)} params={dossier.reason} />
        </p>
        {matchCode && (
          <p className="mt-2 text-sm">
            <span className="font-semibold">{t("dossier.matchCode", { code: matchCode })}</span> — {t("dossier.matchCodeWhat")} {t("dossier.matchCodeHelp")}
          </p>
        )}
      </section>

      <KeyFacts service={service} dossier={dossier} today={today} awaiting={awaiting} locale={locale} resultReady={Boolean(dossier.result)} agency={agency} />

      <section aria-labelledby="summary" className="space-y-2">
        <h2 id="summary" className="text-xl font-bold">{t("dossier.summaryTitle")}</h2>
        <p className="text-stone-700">{t("dossier.summaryLead")}</p>
        <PrefilledSummary
          service={service}
          prefilled={dossier.prefilled}
          locale={locale}
          lineExtra={(key) => {
            const route = correctionRoute(service, key);
            return route ? (
              <ReportWrong
                dossierCode={dossier.code}
                route={route}
                latest={latestReport.get(key)}
                canReport={mayReport(dossier.status)}
                feedback={reported.field === key ? reported.report : undefined}
                action={reportWrong}
              />
            ) : null;
          }}
        />
      </section>

      {awaiting && waitingRoute && (
        <section role="alert" aria-labelledby="waiting-correction" className="rounded-xl border-l-4 border-orange-600 bg-orange-50 p-4">
          <h2 id="waiting-correction" className="font-bold">{t("corrections.blockedTitle")}</h2>
          <p className="mt-1">
            {t("corrections.blocked", { label: pick(waitingRoute.label, locale), agency: pick(ownerAgencyName(waitingRoute.agency) ?? { vi: "", en: "" }, locale) })}
          </p>
        </section>
      )}

      {service.delivery.includes("centre") && (mayChooseCentre(service, dossier.status) || dossier.collectAt) && (
        <CollectCentre
          dossierCode={dossier.code}
          centre={collectCentre(dossier, ownCommune)}
          ownCommune={ownCommune}
          canChoose={mayChooseCentre(service, dossier.status)}
          feedback={reported.collect}
          action={chooseCentre}
        />
      )}

      {awaiting && fee}

      {awaiting ? (
        <DossierForm
          action={saveDossier}
          dossierCode={dossier.code}
          version={dossier.version}
          idempotencyKey={randomUUID()}
          fields={fieldViews(service, dossier.prefilled, locale, t)}
          initial={initialValues(service, dossier.prefilled, dossier.citizenData)}
          reply={dossier.status === "needs_info" ? { label: t("dossier.replyLabel"), hint: t("dossier.replyHint") } : undefined}
          text={{
            yourPart: t("dossier.yourPart"),
            yourPartLead: t("dossier.yourPartLead"),
            required: t("dossier.required"),
            optional: t("dossier.optional"),
            consent: t("dossier.consent"),
            confirm: t("dossier.confirmButton"),
            save: t("dossier.saveButton"),
            sending: t("dossier.sending"),
            saved: t("dossier.saved"),
            errorSummary: t("dossier.errorSummary"),
            fieldError: t("dossier.fieldError"),
            chooseOne: t("errors.chooseOne"),
            draftRestored: t("dossier.draftRestored"),
            leaveWarning: t("dossier.leaveWarning"),
            nameWarnings: {
              noToneMarks: t("nameCheck.noToneMarks"),
              lowerCase: t("nameCheck.lowerCase"),
              surnameNotParents: t("nameCheck.surnameNotParents"),
            },
            review: { title: t("review.title"), lead: t("review.lead"), send: t("review.send"), edit: t("review.edit"), empty: t("review.empty") },
            queue: {
              pending: t("pwa.pending"),
              pendingHelp: t("pwa.pendingHelp"),
              sent: t("pwa.sentAfterReconnect"),
              signInTitle: t("pwa.signInTitle"),
              signInBody: t("pwa.signInBody"),
              signIn: t("pwa.signIn"),
              notSaved: t("pwa.notSaved"),
            },
            conflict: {
              submittedByOther: t("conflict.submittedByOther"),
              amendedByOther: t("conflict.amendedByOther"),
              submittedByYou: t("conflict.submittedByYou"),
              amendedByYou: t("conflict.amendedByYou"),
              someone: t("conflict.someone"),
              theirAnswers: t("conflict.theirAnswers"),
              nextSubmitted: t("conflict.nextSubmitted"),
              nextEditable: t("conflict.nextEditable"),
              viewLatest: t("conflict.viewLatest"),
            },
            messages: {
              conflict: t("dossier.conflict"),
              notEditable: t("dossier.notEditable"),
              idempotencyMismatch: t("dossier.idempotencyMismatch"),
              correctionPending: t("corrections.blockedTitle"),
              generic: t("errors.generic"),
            },
            errors: Object.fromEntries(errorKeys.map((k) => [k, t(`errors.${k}`)])),
          }}
        />
      ) : (
        <CitizenAnswers service={service} data={dossier.citizenData} prefilled={dossier.prefilled} locale={locale} />
      )}

      {dossier.status === "prepared" && service.declinable && !delegate && (
        <details className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("dossier.declineSummary")}</summary>
          <p className="mt-2 text-sm">{t("dossier.declineBody")}</p>
          {search.decline === "failed" && <p role="alert" className="mt-2 font-semibold text-red-700">{t("dossier.declineFailed")}</p>}
          <form action={declineService} className="mt-3">
            <input type="hidden" name="dossierCode" value={dossier.code} />
            <input type="hidden" name="version" value={dossier.version} />
            <fieldset className="mb-3">
              <legend className="text-sm font-semibold">{t("dossier.declineReasonLegend")}</legend>
              {declineReasons.map((reason) => (
                <label key={reason} className="flex min-h-11 items-center gap-3">
                  <input type="radio" name="reason" value={reason} className="size-5" />
                  {t(`declineReason.${reason}`)}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="min-h-11 w-full rounded-lg bg-white px-4 font-semibold text-stone-800 ring-2 ring-stone-500">
              {t("dossier.declineButton")}
            </button>
          </form>
        </details>
      )}

      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-xl font-bold">{t("dossier.timeline")}</h2>
        <Timeline events={events} fieldLabel={(key) => lineLabel(service, key, locale)} />
      </section>

      {/* The data-access log is the owner's own record, not a delegate's to read. */}
      {!delegate && (
        <section aria-labelledby="data-used" className="space-y-2">
          <h2 id="data-used" className="text-xl font-bold">{t("dossier.dataUsed")}</h2>
          <DataAccessList rows={access} locale={locale} showDossier={false} />
        </section>
      )}
    </article>
    </>
  );
}

function lineLabel(service: ServiceDefinition, key: string, locale: string): string | undefined {
  const field = service.prefilled.find((f) => f.key === key);
  return field && pick(field.label, locale);
}

const errorKeys = [
  "required",
  "nameTooLong",
  "nameWords",
  "nameLetters",
  "tooLong",
  "notANumber",
  "tooSmall",
  "tooLarge",
  "notAnOption",
  "digitsOnly",
  "consentRequired",
  "invalidText",
  "generic",
] as const;

async function KeyFacts({
  service,
  dossier,
  today,
  awaiting,
  locale,
  resultReady,
  agency,
}: {
  agency: string;
  service: ServiceDefinition;
  dossier: { confirmDeadline: string; legalDeadline: string | null; slaDueDate: string | null; serviceCode: string; submittedAt: Date | null; receiptNo: string | null };
  today: string;
  awaiting: boolean;
  locale: string;
  resultReady: boolean;
}) {
  const t = await getTranslations("dossier");
  const left = (date: string) => t("daysLeft", { days: Math.max(0, daysBetween(today, date)) });
  return (
    <dl className="grid grid-cols-1 gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      {awaiting && (
        <div>
          <dt className="text-sm text-stone-600">{t("confirmDeadline")}</dt>
          <dd className="font-semibold">
            {formatDate(dossier.confirmDeadline)} ({left(dossier.confirmDeadline)})
          </dd>
        </div>
      )}
      {awaiting && dossier.serviceCode === "birth-registration" && dossier.legalDeadline && (
        <div>
          <dt className="text-sm text-stone-600">{t("legalDeadline")}</dt>
          <dd className="font-semibold">
            {formatDate(dossier.legalDeadline)} ({left(dossier.legalDeadline)})
          </dd>
          <dd className="text-sm text-stone-600">{t("legalDeadlineNote")}</dd>
        </div>
      )}
      {/* Once the result is issued, the promised date is history, not a date to wait for. */}
      {dossier.slaDueDate && !resultReady && (
        <div>
          <dt className="text-sm text-stone-600">{t("slaDue")}</dt>
          <dd className="font-semibold">{formatDate(dossier.slaDueDate)}</dd>
        </div>
      )}
      {/* The One-Stop system numbers the receipt (docs/onestop.md); until it answers, say so. */}
      {dossier.submittedAt && (
        <div>
          <dt className="text-sm text-stone-600">{t("receiptNo")}</dt>
          <dd className={dossier.receiptNo ? "font-mono font-semibold" : "font-semibold text-stone-700"} data-testid="receipt-no">
            {dossier.receiptNo ?? t("receiptPending")}
          </dd>
        </div>
      )}
      <div>
        <dt className="text-sm text-stone-600">{t("agency")}</dt>
        <dd className="font-semibold">{agency}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-600">{t("result")}</dt>
        <dd className="font-semibold">{pick(service.result, locale)}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-600">{t("fee")}</dt>
        <dd className="font-semibold">
          {service.feeVnd === 0
            ? t("free")
            : formatVnd(service.feeVnd, locale)}
        </dd>
      </div>
    </dl>
  );
}

async function CitizenAnswers({
  service,
  data,
  prefilled,
  locale,
}: {
  service: ServiceDefinition;
  data: Record<string, unknown>;
  prefilled: Record<string, unknown>;
  locale: string;
}) {
  const t = await getTranslations("dossier");
  const rows = fieldViews(service, prefilled, locale, await getTranslations())
    .filter((f) => data[f.key] !== undefined && data[f.key] !== "")
    .map((f) => {
      const raw = String(data[f.key]);
      return { key: f.key, label: f.label, value: f.options?.find((o) => o.value === raw)?.label ?? raw };
    });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="answers" className="space-y-2">
      <h2 id="answers" className="text-xl font-bold">{t("yourAnswers")}</h2>
      <dl className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
        {rows.map((r) => (
          <div key={r.key} className="px-4 py-3">
            <dt className="text-sm text-stone-600">{r.label}</dt>
            <dd className="font-semibold" data-field={r.key}>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
