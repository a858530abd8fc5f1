import { getTranslations } from "next-intl/server";
import { formatVnd } from "@/lib/money";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { PagePayment } from "@/lib/db/dossier-queries";

interface Props {
  dossierCode: string;
  feeVnd: number;
  agency: string;
  locale: string;
  /** How long there is to pay: working days on the confirm screen, a date once submitted; null when nothing is due. */
  due: { date: string } | { workingDays: number } | null;
  /** The latest order, paid or not. */
  payment: PagePayment | undefined;
  /** Paying and the receipt: a party's, not a delegate's. `payable` while the agency decides. */
  pay?: { payable: boolean; online: boolean; notice?: "paid" | "unavailable"; action: (form: FormData) => Promise<void> };
}

/**
 * The dossier's fee in one place, in one of two states: due (how, where and by when, and the pay button
 * while it can be paid) or paid (when, the receipt number and the receipt).
 */
export async function FeePanel({ dossierCode, feeVnd, agency, locale, due, payment, pay }: Props) {
  if (feeVnd === 0) return null;
  const [t, tf] = await Promise.all([getTranslations("payment"), getTranslations("fees")]);
  const amount = formatVnd(feeVnd, locale);
  const paid = payment?.status === "paid" ? payment : undefined;
  if (paid) {
    if (!pay) return null;
    return (
      <section id="le-phi" aria-labelledby="fee-title" className="scroll-mt-4 space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="fee-title" className="text-lg font-bold">{t("title", { amount })}</h2>
        <p role="status" className="font-semibold text-emerald-800">
          {t("paid", { at: formatDateTime(paid.paidAt ?? paid.createdAt), receiptNo: paid.receiptNo ?? "" })}
        </p>
        <a href={`/dossiers/${dossierCode}/receipt`} download className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-blue-800 underline underline-offset-4 ring-1 ring-stone-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300">
          {t("downloadReceipt")}
        </a>
      </section>
    );
  }
  const payable = pay?.payable ? pay : undefined;
  if (!due && !payable) return null;
  return (
    <section id="le-phi" aria-labelledby="fee-title" className="scroll-mt-4 space-y-3 rounded-xl border-l-4 border-amber-600 bg-amber-50 p-4" data-fee-payment>
      <h2 id="fee-title" className="text-lg font-bold">{tf("title", { amount })}</h2>
      {due && (
        <ul className="space-y-1">
          <li>{tf("how")}</li>
          <li>{tf("where", { agency })}</li>
          <li>{"date" in due ? tf("whenBy", { date: formatDate(due.date) }) : tf("whenAfterSubmit", { days: due.workingDays })}</li>
        </ul>
      )}
      {payable && (
        <>
          {payment?.status === "cancelled" && <p className="text-stone-700">{t("cancelledBefore")}</p>}
          {payable.notice === "unavailable" && <p role="alert" className="font-semibold text-red-800">{t("unavailable")}</p>}
          {payable.online ? (
            <form action={payable.action}>
              <input type="hidden" name="dossierCode" value={dossierCode} />
              <button className="min-h-12 w-full rounded-xl bg-brand px-4 text-lg font-bold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-300">
                {t("payOnline", { amount })}
              </button>
            </form>
          ) : (
            <p>{t("payAtCentre")}</p>
          )}
          <p className="text-sm text-stone-700">{t("afterPaying")}</p>
        </>
      )}
    </section>
  );
}
