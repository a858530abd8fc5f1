import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { datasetsForAgency } from "@/lib/gov/officer-datasets";
import { datasets } from "@/lib/gov/datasets";
import { pick } from "@/lib/i18n/localized";
import { CsvUploader } from "@/components/officer/csv-uploader";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.imports");
  return { title: t("title") };
}

export default async function OfficerImportsPage() {
  const officer = await requireStaff("officer", "/officer/imports");
  const [t, locale] = await Promise.all([getTranslations("officer.imports"), getLocale()]);
  const allowed = datasetsForAgency(officer.agency);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 mt-1 text-stone-700">{t("lead")}</p>
      {allowed.length === 0 ? (
        <p className="rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("none")}</p>
      ) : (
        <CsvUploader
          datasets={allowed.map((code) => ({ code, label: pick(datasets[code].name, locale) }))}
          text={{
            file: t("file"),
            dataset: t("dataset"),
            submit: t("submit"),
            uploading: t("uploading"),
            progress: t("progress"),
            accepted: t("accepted"),
            unchanged: t("unchanged"),
            rejected: t("rejected"),
            prepared: t("prepared"),
            errorsTitle: t("errorsTitle"),
            line: t("line"),
            reason: t("reason"),
            failed: t("failed"),
          }}
        />
      )}
    </>
  );
}
