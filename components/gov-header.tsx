import { getTranslations } from "next-intl/server";

/** The national heading of an official document, so a clerk recognises what he is checking. */
export async function GovHeader() {
  const t = await getTranslations("result");
  return (
    <header className="text-center" data-gov-header>
      <p className="text-sm font-bold uppercase tracking-wide">{t("republic")}</p>
      <p className="text-sm font-semibold">{t("motto")}</p>
      <p aria-hidden="true" className="mx-auto mt-1 w-24 border-b-2 border-ink" />
    </header>
  );
}
