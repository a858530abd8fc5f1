import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { paymentConfig } from "@/lib/payments/config";
import { hasValidSignature } from "@/lib/payments/signature";
import { formatVnd } from "@/lib/money";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The demo's stand-in for a Vietnamese payment gateway's checkout page. */
export default async function SimulatedGatewayPage(props: Props) {
  const config = paymentConfig();
  if (!config?.simulated) notFound();
  const [search, t, locale] = await Promise.all([props.searchParams, getTranslations("payment.gateway"), getLocale()]);
  const order: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") order[k] = v;
  const valid = hasValidSignature(order, config.secret) && /^\d+00$/.test(order.vnp_Amount ?? "");

  return (
    <main className="mx-auto max-w-md space-y-5 px-4 py-6">
      <header className="rounded-xl bg-sky-900 p-4 text-white">
        <p className="text-sm">{t("simulator")}</p>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
      </header>
      {!valid ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">{t("invalidOrder")}</p>
      ) : (
        <form method="post" action="/paygate/complete" className="space-y-4">
          {Object.entries(order).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
          <dl className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
            <div className="px-4 py-3"><dt className="text-sm text-stone-600">{t("merchant")}</dt><dd className="font-semibold">{order.vnp_TmnCode}</dd></div>
            <div className="px-4 py-3"><dt className="text-sm text-stone-600">{t("order")}</dt><dd className="font-semibold">{order.vnp_OrderInfo}</dd></div>
            <div className="px-4 py-3"><dt className="text-sm text-stone-600">{t("amount")}</dt><dd className="text-2xl font-bold">{formatVnd(Number(order.vnp_Amount) / 100, locale)}</dd></div>
          </dl>
          <button name="choice" value="pay" className="min-h-12 w-full rounded-xl bg-sky-800 px-4 text-lg font-bold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-300">{t("pay")}</button>
          <button name="choice" value="cancel" className="min-h-12 w-full rounded-xl px-4 font-semibold text-sky-900 ring-2 ring-sky-800 focus:outline-none focus-visible:ring-4">{t("cancel")}</button>
        </form>
      )}
    </main>
  );
}
