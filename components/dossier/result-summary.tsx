import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import { ResultFields } from "./result-fields";
import { ResultActions } from "./result-actions";

/** The citizen's result, with the link to the printable document. */
export async function ResultSummary({ code, result }: { code: string; result: Record<string, string> }) {
  const t = await getTranslations("dossier");
  return (
    <section aria-labelledby="result" className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-300">
      <h2 id="result" className="font-bold">{t("resultTitle")}</h2>
      <dl className="mt-2 space-y-2">
        <ResultFields result={result} labelClass="text-sm text-stone-700" />
      </dl>
      <div className="mt-3 space-y-3">
        <ResultActions code={code} onResultPage={false} />
        <Link href={`/dossiers/${code}/result`} className="flex min-h-11 items-center justify-center font-semibold text-emerald-900 underline underline-offset-4">
          {t("download")}
        </Link>
      </div>
    </section>
  );
}
