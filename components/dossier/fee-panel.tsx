import { getLocale, getTranslations } from "next-intl/server";
import { formatVnd } from "@/lib/money";
import { formatDateTime } from "@/lib/dates";
import type { Payment } from "@/lib/payments/orders";

interface Props {
  dossierCode: string;
  feeVnd: number;
  payable: boolean;
  online: boolean;
  /** The latest order, paid or not. */
  payment: Payment | undefined;
  notice?: "paid" | "unavailable";
  pay: (form: FormData) => Promise<void>;
}

/** The dossier's fee: paid with its receipt, or how to pay it now. */
export async function FeePanel({ dossierCode, feeVnd, payable, online, payment, notice, pay }: Props) {
  const [t, locale] = await Promise.all([getTranslations("payment"), getLocale()]);
  const amount = formatVnd(feeVnd, locale);
  const paid = payment?.status === "paid" ? payment : undefined;
  if (!paid && !payable) return null;
  return (
    <section id="le-phi" aria-labelledby="fee-title" className="scroll-mt-4 space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <h2 id="fee-title" className="text-lg font-bold">{paid ? t("title", { amount }) : t("payTitle")}</h2>
      {paid ? (
        <>
          <p role="status" className="font-semibold text-emerald-800">
            {t("paid", { at: formatDateTime(paid.paidAt ?? paid.createdAt), receiptNo: paid.receiptNo ?? "" })}
          </p>
          <a href={`/dossiers/${dossierCode}/receipt`} download className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-blue-800 underline underline-offset-4 ring-1 ring-stone-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300">
            {t("downloadReceipt")}
          </a>
        </>
      ) : (
        <>
          {payment?.status === "cancelled" && <p className="text-stone-700">{t("cancelledBefore")}</p>}
          {notice === "unavailable" && <p role="alert" className="font-semibold text-red-800">{t("unavailable")}</p>}
          {online ? (
            <form action={pay}>
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
