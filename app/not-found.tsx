import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl px-5 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-4">
        {t("home")}
      </Link>
    </main>
  );
}
