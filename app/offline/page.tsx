import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("pwa");
  return { title: t("offlineTitle") };
}

/** Shown by the service worker for a page that was never opened while online. */
export default async function OfflinePage() {
  const t = await getTranslations("pwa");
  return (
    <main id="main" className="mx-auto max-w-xl px-5 py-10">
      <h1 className="text-2xl font-bold">{t("offlineTitle")}</h1>
      <p className="mt-3">{t("offlineBody")}</p>
      <Link href="/dossiers" className="mt-6 inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">
        {t("offlineLink")}
      </Link>
    </main>
  );
}
