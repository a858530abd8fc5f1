import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dataAccessFor } from "@/lib/db/dossier-queries";
import { DataAccessList } from "@/components/dossier/data-access-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("myData");
  return { title: t("title") };
}

export default async function MyDataPage() {
  const citizenId = await requireCitizen("/my-data");
  const [rows, t, locale] = await Promise.all([dataAccessFor(await getDb(), citizenId), getTranslations("myData"), getLocale()]);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 mt-1 text-stone-700">{t("lead")}</p>
      <DataAccessList rows={rows} locale={locale} showDossier />
    </>
  );
}
