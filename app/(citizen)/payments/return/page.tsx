import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { paymentConfig } from "@/lib/payments/config";
import { readReturn } from "@/lib/payments/orders";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tone = { paid: "border-emerald-700 bg-emerald-50", waiting: "border-sky-700 bg-sky-50", cancelled: "border-stone-500 bg-stone-50", failed: "border-red-700 bg-red-50", invalid: "border-red-700 bg-red-50" };

/** Where the gateway sends the citizen back; it shows the order as our records have it. */
export default async function PaymentReturnPage(props: Props) {
  const config = paymentConfig();
  if (!config) notFound();
  const search = await props.searchParams;
  const citizenId = await requireCitizen("/");
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") params[k] = v;
  const [outcome, t] = await Promise.all([readReturn(await getDb(), config, citizenId, params), getTranslations("payment.return")]);

  return (
    <article className="space-y-5">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p role="status" className={`rounded-xl border-l-4 p-4 font-semibold ${tone[outcome.state]}`}>
        {outcome.state === "paid" ? t("paid", { receiptNo: outcome.payment.receiptNo ?? "" }) : t(outcome.state)}
      </p>
      {outcome.state === "invalid" ? (
        <Link href="/" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">{t("home")}</Link>
      ) : (
        <Link href={`/dossiers/${outcome.dossierCode}#le-phi`} className="inline-flex min-h-12 items-center rounded-xl bg-brand px-4 font-bold text-white">
          {t("backToDossier", { code: outcome.dossierCode })}
        </Link>
      )}
    </article>
  );
}
