import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "./print-button";

/** Tải PDF (rendered on the server) and In, side by side; on the result page itself "In" prints at once. */
export async function ResultActions({ code, onResultPage, autoPrint = false }: { code: string; onResultPage: boolean; autoPrint?: boolean }) {
  const t = await getTranslations("result");
  const base = `/dossiers/${encodeURIComponent(code)}/result`;
  return (
    <div className="grid grid-cols-2 gap-3 print:hidden">
      <a href={`${base}/pdf`} download className="flex min-h-12 items-center justify-center rounded-lg bg-emerald-800 px-4 font-semibold text-white">
        {t("pdf")}
      </a>
      {onResultPage ? (
        <PrintButton label={t("print")} auto={autoPrint} />
      ) : (
        <Link href={`${base}?print=1`} className="flex min-h-12 items-center justify-center rounded-lg bg-white px-4 font-semibold text-emerald-900 ring-2 ring-emerald-800">
          {t("print")}
        </Link>
      )}
    </div>
  );
}
