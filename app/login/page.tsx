import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentCitizenId } from "@/lib/auth/session";
import { LocaleSwitch } from "@/components/locale-switch";
import { ClearPersonalCopies } from "@/components/pwa/clear-personal-copies";
import { safeReturnPath } from "@/lib/security/safe-return";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("button") };
}

const query = z.object({ callbackUrl: z.string().optional(), error: z.string().optional() });

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = query.catch({}).parse(await searchParams);
  const next = safeReturnPath(callbackUrl);
  if (await currentCitizenId()) redirect(next);
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col px-5 py-6">
      <ClearPersonalCopies />
      <div className="flex items-center justify-between">
        <p className="flex items-center gap-2 text-xl font-bold text-brand">
          <span aria-hidden="true">★</span> {t("app.name")}
        </p>
        <LocaleSwitch next={`/login${callbackUrl ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`} />
      </div>
      <h1 className="mt-10 text-3xl font-bold leading-tight">{t("login.title")}</h1>
      <p className="mt-4 text-lg text-stone-700">{t("login.lead")}</p>
      <p className="mt-3 text-stone-700">{t("login.proactive")}</p>
      {error && (
        <p role="alert" className="mt-6 rounded-lg border-2 border-red-700 bg-red-50 p-4 font-medium text-red-800">
          {t("login.failed")}
        </p>
      )}
      <form method="post" action="/login/vneid" className="mt-auto pt-10">
        <input type="hidden" name="callbackUrl" value={next} />
        <button type="submit" className="flex min-h-14 w-full items-center justify-center rounded-xl bg-brand px-4 text-lg font-bold text-white hover:bg-brand-dark">
          {t("login.button")}
        </button>
        <p className="mt-3 text-center text-sm text-stone-600">{t("login.how")}</p>
      </form>
    </main>
  );
}
