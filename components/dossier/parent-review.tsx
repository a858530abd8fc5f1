import { getTranslations } from "next-intl/server";
import type { ParentReview } from "@/lib/dossiers/objections";
import { formatDate } from "@/lib/dates";

type Feedback = "sent" | "reasonRequired" | "reasonTooLong" | "failed" | undefined;

/**
 * The second-parent rule on the citizen's dossier page: the parent who did not submit answers
 * (Đồng ý / Không đồng ý with a reason); everyone sees the answer and how the officer settled it.
 */
export async function ParentReviewPanel({
  review,
  viewerId,
  canAnswer,
  childName,
  dossierCode,
  action,
  feedback,
}: {
  review: ParentReview;
  viewerId: string;
  canAnswer: boolean;
  childName: string | null;
  dossierCode: string;
  action: (form: FormData) => Promise<void>;
  feedback: Feedback;
}) {
  const t = await getTranslations("parents");
  const until = formatDate(review.until);
  const others = review.others.map((o) => o.name).join(", ");
  const response = review.response;
  return (
    <section id="y-kien" aria-labelledby="parents-title" className="scroll-mt-4 space-y-3 rounded-xl border-l-4 border-violet-700 bg-violet-50 p-4">
      <h2 id="parents-title" className="font-bold">{t("title")}</h2>
      {feedback === "sent" && <p role="status" className="font-semibold text-emerald-800">{t("sent")}</p>}
      {feedback && feedback !== "sent" && <p role="alert" className="font-semibold text-red-700">{t(feedback)}</p>}
      {childName && <p>{t("chosenName", { name: childName })}</p>}
      {response?.answer === "agreed" && <p>{t("agreed", { name: response.name })}</p>}
      {response?.answer === "objected" && (
        <>
          <p className="whitespace-pre-line">{t("objected", { name: response.name, reason: response.reason ?? "" })}</p>
          <p className="text-sm">{response.settledAt ? t("settled", { settlement: response.settlement ?? "" }) : t("objectedOpen")}</p>
        </>
      )}
      {!response && !canAnswer && review.submitter?.id === viewerId && <p>{t("waiting", { others, until })}</p>}
      {canAnswer && (
        <>
          <p>{t("askOther", { submitter: review.submitter?.name ?? "", until })}</p>
          <form action={action}>
            <input type="hidden" name="dossierCode" value={dossierCode} />
            <button type="submit" name="answer" value="agree" className="min-h-12 w-full rounded-lg bg-brand px-4 font-semibold text-white">
              {t("agree")}
            </button>
          </form>
          <details className="rounded-lg bg-white p-3 ring-1 ring-stone-300" open={feedback === "reasonRequired" || feedback === "reasonTooLong"}>
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("objectSummary")}</summary>
            <form action={action} className="mt-2 space-y-2">
              <input type="hidden" name="dossierCode" value={dossierCode} />
              <label htmlFor="objection-reason" className="block font-semibold">{t("reasonLabel")}</label>
              <p id="objection-reason-hint" className="text-sm text-stone-700">{t("reasonHint")}</p>
              <textarea
                id="objection-reason"
                name="reason"
                rows={3}
                maxLength={1000}
                required
                aria-describedby="objection-reason-hint"
                className="block w-full rounded-lg border-2 border-stone-400 p-2"
              />
              <button type="submit" name="answer" value="object" className="min-h-12 w-full rounded-lg bg-white px-4 font-semibold text-red-800 ring-2 ring-red-800">
                {t("objectButton")}
              </button>
            </form>
          </details>
        </>
      )}
    </section>
  );
}
