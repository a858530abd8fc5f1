import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The numbers approval issued (certificate, card, new expiry…), with the link to the printable result. */
export async function ResultSummary({ code, result }: { code: string; result: Record<string, string> }) {
  const [t, tr] = await Promise.all([getTranslations("dossier"), getTranslations("officer.result")]);
  return (
    <section aria-labelledby="result" className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-300">
      <h2 id="result" className="font-bold">{t("resultTitle")}</h2>
      <dl className="mt-2 space-y-2">
        {Object.entries(result).map(([key, value]) => (
          <div key={key}>
            <dt className="text-sm text-stone-700">{tr(key as "school")}</dt>
            <dd className="font-mono font-semibold" data-result={key}>{ISO_DATE.test(value) ? formatDate(value) : value}</dd>
          </div>
        ))}
      </dl>
      <Link href={`/dossiers/${code}/result`} className="mt-3 flex min-h-12 items-center justify-center rounded-lg bg-emerald-800 px-4 font-semibold text-white">
        {t("download")}
      </Link>
    </section>
  );
}
