import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { formatVnd } from "@/lib/money";

/**
 * How, where and by when to pay a fee: on the confirm screen (within the service's working days) and
 * once submitted (before the result date). Paying online is another issue's work.
 */
export async function FeePayment({
  feeVnd,
  agency,
  locale,
  due,
}: {
  feeVnd: number;
  agency: string;
  locale: string;
  due: { date: string } | { workingDays: number };
}) {
  if (feeVnd === 0) return null;
  const t = await getTranslations("fees");
  return (
    <section aria-labelledby="fee-payment" className="rounded-xl border-l-4 border-amber-600 bg-amber-50 p-4" data-fee-payment>
      <h2 id="fee-payment" className="text-lg font-bold">{t("title", { amount: formatVnd(feeVnd, locale) })}</h2>
      <ul className="mt-2 space-y-1">
        <li>{t("how")}</li>
        <li>{t("where", { agency })}</li>
        <li>{"date" in due ? t("whenBy", { date: formatDate(due.date) }) : t("whenAfterSubmit", { days: due.workingDays })}</li>
      </ul>
    </section>
  );
}
