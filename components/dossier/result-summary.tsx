import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResultFields } from "./result-fields";

/** The citizen's result, with the link to the printable document. */
export async function ResultSummary({ code, result }: { code: string; result: Record<string, string> }) {
  const t = await getTranslations("dossier");
  return (
    <section aria-labelledby="result" className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-300">
      <h2 id="result" className="font-bold">{t("resultTitle")}</h2>
      <dl className="mt-2 space-y-2">
        <ResultFields result={result} labelClass="text-sm text-stone-700" />
      </dl>
      <Link href={`/dossiers/${code}/result`} className="mt-3 flex min-h-12 items-center justify-center rounded-lg bg-emerald-800 px-4 font-semibold text-white">
        {t("download")}
      </Link>
    </section>
  );
}
