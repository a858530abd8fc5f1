import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { findDossierForAgency } from "@/lib/db/officer-queries";
import { eventsOf } from "@/lib/db/dossier-queries";
import { findService } from "@/lib/services/catalogue";
import { flatFields, suggestedValues } from "@/lib/services/citizen-input";
import { statusSchema } from "@/lib/dossiers/status";
import { offeredActions } from "@/lib/dossiers/officer-actions";
import { pick } from "@/lib/i18n/localized";
import { communeOf, withCommune } from "@/lib/places/commune";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatVnd } from "@/lib/money";
import { paidPaymentOf } from "@/lib/payments/orders";
import { StatusBadge } from "@/components/ui/status-badge";
import { PrefilledSummary } from "@/components/dossier/prefilled-summary";
import { Timeline } from "@/components/dossier/timeline";
import { actOnDossier, settleParents } from "./actions";
import { parentReviewOf, type ParentReview } from "@/lib/dossiers/objections";
import { ResultFields } from "@/components/dossier/result-fields";
import { correctionsOf, type CorrectionRequest } from "@/lib/corrections/requests";
import { correctionRoute, ownerAgencyName } from "@/lib/corrections/route";
import { collectCentre } from "@/lib/delivery/collect";
import { communeInSentence } from "@/lib/places/commune";
import type { ServiceDefinition } from "@/lib/services/definition";
import { openConflicts } from "@/lib/onestop/inbound";
import { OneStopConflicts } from "./onestop-conflicts";

export const dynamic = "force-dynamic";

const params = z.object({ code: dossierCodeSchema });
const feedback = z.object({
  done: z.literal("1").optional().catch(undefined),
  error: z
    .enum(["conflict", "not_allowed", "not_paid", "noteRequired", "noteTooLong", "objection_open", "awaiting_other_parent", "settlementRequired", "settlementTooLong"])
    .optional()
    .catch(undefined),
});


type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OfficerReviewPage(props: Props) {
  const parsed = params.safeParse(await props.params);
  if (!parsed.success) notFound();
  const officer = await requireStaff("officer", `/officer/dossiers/${parsed.data.code}`);
  const db = await getDb();
  const row = await findDossierForAgency(db, officer, parsed.data.code);
  const service = row && findService(row.dossier.serviceCode, row.dossier.serviceVersion);
  if (!row || !service) notFound();
  const { dossier, owner } = row;
  const status = statusSchema.parse(dossier.status);
  const [events, corrections, payment, review, conflicts, t, tc, locale, query] = await Promise.all([
    eventsOf(db, dossier.id),
    correctionsOf(db, dossier.id),
    service.feeVnd > 0 ? paidPaymentOf(db, dossier.id) : undefined,
    parentReviewOf(db, dossier),
    openConflicts(db, dossier.id),
    getTranslations("officer"),
    getTranslations(),
    getLocale(),
    props.searchParams,
  ]);
  const { done, error } = feedback.parse(query);

  const changedByCitizen = new Set(
    events.filter((e) => e.actorKind === "citizen").flatMap((e) => Object.keys((e.data?.changed as object | undefined) ?? {})),
  );
  const suggested = suggestedValues(service, dossier.prefilled);
  const commune = communeOf(dossier.prefilled);
  const fields = flatFields(service, dossier.prefilled);
  const labels = new Map<string, string>([
    ...fields.map((f) => [f.key, "label" in f ? pick(f.label, locale) : f.kind === "memberStays" ? f.name : tc("dossier.member.reason", { name: f.name })] as [string, string]),
    ["delivery", t("review.delivery")],
  ]);
  const optionLabel = (key: string, value: unknown) => {
    const field = fields.find((f) => f.key === key);
    if (key === "delivery") return tc(`dossier.deliveryOptions.${String(value) as "post"}`);
    if (field?.kind === "memberStays") return tc(`dossier.member.${String(value) === "left" ? "left" : "stays"}`);
    if (field?.kind === "choice") {
      return withCommune(pick(field.options.find((o) => o.value === String(value))?.label ?? { vi: String(value), en: String(value) }, locale), commune, locale);
    }
    return String(value);
  };
  const centre = collectCentre(dossier, commune);
  // Tiếp nhận waits for the fee: not offered until it is paid (transition() still guards it).
  const { actions: available, awaitingFee } = offeredActions(status, service.feeVnd === 0 || Boolean(payment));

  return (
    <article className="space-y-6">
      <Link href="/officer" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">← {t("review.back")}</Link>
      <header>
        <p className="font-mono text-sm text-stone-600">{dossier.code}</p>
        <h1 className="text-2xl font-bold">{pick(service.name, locale)}</h1>
        <div className="mt-2"><StatusBadge status={status} /></div>
      </header>

      {done && <p role="status" className="rounded-lg border-2 border-emerald-600 bg-emerald-50 p-3 font-medium">{t("review.done")}</p>}
      {error && (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {await errorText(error)}
        </p>
      )}

      <OneStopConflicts code={dossier.code} conflicts={conflicts} />

      <dl className="grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-2">
        <div><dt className="text-sm text-stone-600">{t("review.citizen")}</dt><dd className="font-semibold">{owner.fullName} · {owner.commune}</dd></div>
        <div><dt className="text-sm text-stone-600">{t("review.submittedAt")}</dt><dd className="font-semibold">{dossier.submittedAt ? formatDateTime(dossier.submittedAt) : "—"}</dd></div>
        <div><dt className="text-sm text-stone-600">{t("review.receiptNo")}</dt><dd className={dossier.receiptNo ? "font-mono font-semibold" : "font-semibold"} data-testid="receipt-no">{dossier.receiptNo ?? (dossier.submittedAt ? t("review.receiptPending") : "—")}</dd></div>
        {service.feeVnd > 0 && (
          <div>
            <dt className="text-sm text-stone-600">{t("review.fee", { amount: formatVnd(service.feeVnd, locale) })}</dt>
            <dd className={`font-semibold ${payment ? "text-emerald-800" : "text-orange-800"}`} data-testid="fee-state">
              {payment?.paidAt ? t("review.feePaid", { receiptNo: payment.receiptNo ?? "", at: formatDateTime(payment.paidAt) }) : t("review.feeUnpaid")}
            </dd>
          </div>
        )}
        {centre && (
          <div>
            <dt className="text-sm text-stone-600">{tc("collect.officer")}</dt>
            <dd className="font-semibold" data-testid="collect-centre">{tc("collect.centreOf", { commune: communeInSentence(centre, locale) })}</dd>
          </div>
        )}
        <div><dt className="text-sm text-stone-600">{t("queue.due")}</dt><dd className="font-semibold">{dossier.slaDueDate ? formatDate(dossier.slaDueDate) : t("queue.noDue")}</dd></div>
      </dl>

      <section aria-labelledby="citizen-data" className="space-y-2">
        <h2 id="citizen-data" className="text-xl font-bold">{t("review.citizenData")}</h2>
        <dl className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {Object.entries(dossier.citizenData).map(([key, value]) => {
            const changed = changedByCitizen.has(key) && suggested[key] !== undefined && String(suggested[key]) !== String(value);
            return (
              <div key={key} className={`px-4 py-3 ${changed ? "bg-yellow-50" : ""}`} data-changed={changed || undefined}>
                <dt className="text-sm text-stone-600">{labels.get(key) ?? key}</dt>
                <dd className="font-semibold">
                  {optionLabel(key, value)}
                  {changed && <mark className="ml-2 rounded bg-yellow-200 px-1.5 text-sm font-semibold">✎ {t("review.changed")}</mark>}
                </dd>
                {changed && <dd className="text-sm text-stone-600">{t("review.suggested", { value: optionLabel(key, suggested[key]) })}</dd>}
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="prefilled" className="space-y-2">
        <h2 id="prefilled" className="text-xl font-bold">{t("review.prefilled")}</h2>
        <PrefilledSummary service={service} prefilled={dossier.prefilled} locale={locale} />
      </section>

      {dossier.result && (
        <section aria-labelledby="result" className="space-y-2">
          <h2 id="result" className="text-xl font-bold">{t("review.result")}</h2>
          <dl className="space-y-3 rounded-xl bg-white px-4 py-3 ring-1 ring-stone-200">
            <ResultFields result={dossier.result} />
          </dl>
        </section>
      )}

      {corrections.length > 0 && <ReportedLines service={service} corrections={corrections} locale={locale} />}

      {review && <ParentsSection review={review} dossierCode={dossier.code} />}

      {(available.length > 0 || awaitingFee) && (
        <section aria-labelledby="actions" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="actions" className="text-xl font-bold">{t("review.actions")}</h2>
          {awaitingFee && (
            <p data-testid="awaiting-fee" className="rounded-lg border-2 border-orange-700 bg-orange-50 p-3 font-medium text-orange-900">
              {t("review.awaitingFee")}
            </p>
          )}
          <form action={actOnDossier} className="space-y-3">
            <input type="hidden" name="dossierCode" value={dossier.code} />
            <input type="hidden" name="version" value={dossier.version} />
            {(available.includes("request_info") || available.includes("reject")) && (
              <div>
                <label htmlFor="note" className="block font-semibold">{t("review.note")}</label>
                <p id="note-help" className="text-sm text-stone-600">{t("review.noteHelp")}</p>
                <textarea id="note" name="note" rows={3} maxLength={1000} aria-describedby="note-help" className="mt-1 block w-full rounded-lg border-2 border-stone-400 p-2" />
              </div>
            )}
            <div className="flex flex-wrap gap-3">
              {available.map((action) => (
                <button
                  key={action}
                  type="submit"
                  name="action"
                  value={action}
                  className={`min-h-11 rounded-lg px-4 font-semibold ${
                    action === "reject" ? "bg-white text-red-800 ring-2 ring-red-800" : action === "request_info" ? "bg-white text-slate-800 ring-2 ring-slate-800" : "bg-slate-800 text-white"
                  }`}
                >
                  {t(`review.${action}`)}
                </button>
              ))}
            </div>
          </form>
        </section>
      )}

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-bold">{t("review.history")}</h2>
        <Timeline events={events} fieldLabel={(key) => { const f = service.prefilled.find((p) => p.key === key); return f && pick(f.label, locale); }} />
      </section>
    </article>
  );
}

type ReviewError = "conflict" | "not_allowed" | "not_paid" | "noteRequired" | "noteTooLong" | "objection_open" | "awaiting_other_parent" | "settlementRequired" | "settlementTooLong";

async function errorText(error: ReviewError): Promise<string> {
  const [t, tp] = await Promise.all([getTranslations("officer"), getTranslations("parents.officer")]);
  switch (error) {
    case "conflict":
      return t("review.conflict");
    case "not_allowed":
      return t("review.notAllowed");
    case "not_paid":
      return t("review.notPaid");
    case "noteRequired":
    case "noteTooLong":
      return t(`review.${error}`);
    default:
      return tp(error);
  }
}

/** The second-parent rule as the officer needs it: the window, the objection, and the settlement form. */
async function ParentsSection({ review, dossierCode }: { review: ParentReview; dossierCode: string }) {
  const t = await getTranslations("parents");
  const response = review.response;
  const open = response?.answer === "objected" && !response.settledAt;
  const others = review.others.map((o) => o.name).join(", ");
  return (
    <section
      aria-labelledby="parents"
      className={`space-y-3 rounded-xl p-4 ${open ? "border-2 border-red-700 bg-red-50" : "bg-white ring-1 ring-stone-200"}`}
    >
      <h2 id="parents" className="text-xl font-bold">{t("title")}</h2>
      {!response && <p>{t("officer.awaiting", { others, until: formatDate(review.until) })}</p>}
      {response?.answer === "agreed" && <p>{t("officer.agreed", { name: response.name })}</p>}
      {response?.answer === "objected" && (
        <p className="whitespace-pre-line font-semibold">{t("officer.objectionOpen", { name: response.name, reason: response.reason ?? "" })}</p>
      )}
      {response?.settledAt && <p>{t("officer.settled", { settlement: response.settlement ?? "" })}</p>}
      {open && (
        <form action={settleParents} className="space-y-2">
          <p className="text-sm">{t("officer.objectionHelp")}</p>
          <input type="hidden" name="dossierCode" value={dossierCode} />
          <label htmlFor="settlement" className="block font-semibold">{t("officer.settlementLabel")}</label>
          <textarea id="settlement" name="settlement" rows={3} maxLength={1000} required className="block w-full rounded-lg border-2 border-stone-400 p-2" />
          <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("officer.settleButton")}</button>
        </form>
      )}
    </section>
  );
}

/** Lines the citizen reported as wrong: what the registering officer must know before deciding (a note, or a settled correction). */
async function ReportedLines({ service, corrections, locale }: { service: ServiceDefinition; corrections: CorrectionRequest[]; locale: string }) {
  const t = await getTranslations("corrections.officer");
  return (
    <section aria-labelledby="reported" className="space-y-2 rounded-xl border-2 border-orange-600 bg-orange-50 p-4">
      <h2 id="reported" className="text-xl font-bold">{t("review")}</h2>
      <ul className="space-y-1">
        {corrections.map((c) => {
          const route = correctionRoute(service, c.fieldKey);
          if (!route) return null;
          const vars = { label: pick(route.label, locale), agency: pick(ownerAgencyName(route.agency) ?? { vi: c.agency, en: c.agency }, locale) };
          return (
            <li key={c.id} data-report={c.status}>
              {c.status === "open"
                ? t("reviewOpen", { ...vars, reason: c.reason })
                : c.status === "accepted"
                  ? t("reviewAccepted", { ...vars, value: route.format === "date" && c.correctedValue ? formatDate(c.correctedValue) : (c.correctedValue ?? "") })
                  : t("reviewRejected", { ...vars, answer: c.answer ?? "" })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
