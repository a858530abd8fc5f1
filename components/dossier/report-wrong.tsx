import { getLocale, getTranslations } from "next-intl/server";
import type { CorrectionRequest } from "@/lib/corrections/requests";
import { ownerAgencyName, type CorrectionRoute } from "@/lib/corrections/route";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";

export type ReportFeedback = "sent" | "reasonRequired" | "reasonTooLong" | "failed";

/**
 * Under one pre-filled line: the latest report on it (status and the agency's answer) and, unless one
 * is open, "Báo sai" — a small form that works without JavaScript.
 */
export async function ReportWrong({
  dossierCode,
  route,
  latest,
  canReport,
  feedback,
  action,
}: {
  dossierCode: string;
  route: CorrectionRoute;
  latest: CorrectionRequest | undefined;
  canReport: boolean;
  feedback: ReportFeedback | undefined;
  action: (form: FormData) => Promise<void>;
}) {
  const [t, locale] = await Promise.all([getTranslations("corrections"), getLocale()]);
  const agency = pick(ownerAgencyName(route.agency) ?? { vi: route.agency, en: route.agency }, locale);
  const shown = (v: string) => (route.format === "date" ? formatDate(v) : v);
  const open = latest?.status === "open";
  return (
    <>
      {latest && (
        <dd className={`mt-2 rounded-lg border-l-4 p-3 text-sm ${open ? "border-orange-600 bg-orange-50" : latest.status === "accepted" ? "border-emerald-700 bg-emerald-50" : "border-stone-500 bg-stone-50"}`} data-report={latest.status}>
          <p className="font-semibold">{t(`status.${latest.status}`, { agency })}</p>
          <p>{t("yourReason", { reason: latest.reason })}</p>
          {latest.correctedValue && <p>{t("correctedTo", { value: shown(latest.correctedValue) })}</p>}
          {latest.answer && <p>{t("answer", { answer: latest.answer })}</p>}
          {open && <p>{t(route.effect, { agency })}</p>}
        </dd>
      )}
      {feedback && feedback !== "sent" && (
        <dd className="mt-2 text-sm font-semibold text-red-700">
          <p role="alert">{t(feedback)}</p>
        </dd>
      )}
      {canReport && !open && (
        <dd className="mt-1">
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-800 underline underline-offset-4">{t("report")}</summary>
            <form action={action} className="mt-2 space-y-2">
              <input type="hidden" name="dossierCode" value={dossierCode} />
              <input type="hidden" name="field" value={route.fieldKey} />
              <label htmlFor={`reason-${route.fieldKey}`} className="block text-sm font-semibold">{t("reasonLabel")}</label>
              <p id={`reason-hint-${route.fieldKey}`} className="text-sm text-stone-700">{t("reasonHint", { agency })} {t(route.effect, { agency })}</p>
              <textarea
                id={`reason-${route.fieldKey}`}
                name="reason"
                rows={2}
                required
                minLength={3}
                maxLength={300}
                aria-describedby={`reason-hint-${route.fieldKey}`}
                className="block w-full rounded-lg border-2 border-stone-400 p-2"
              />
              <button type="submit" className="min-h-11 w-full rounded-lg bg-white px-4 font-semibold text-stone-800 ring-2 ring-stone-500">{t("send")}</button>
            </form>
          </details>
        </dd>
      )}
    </>
  );
}
