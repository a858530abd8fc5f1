import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LocaleSwitch } from "@/components/locale-switch";
import { safeReturnPath } from "@/lib/security/safe-return";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.login");
  return { title: t("title") };
}

const query = z.object({ callbackUrl: z.string().optional(), error: z.enum(["invalid", "locked"]).optional() });

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = query.catch({}).parse(await searchParams);
  const t = await getTranslations("officer.login");
  return (
    <main id="main" className="mx-auto max-w-md px-5 py-8">
      <div className="flex justify-end">
        <LocaleSwitch />
      </div>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("lead")}</p>
      {error && (
        <p role="alert" className="mt-4 rounded-lg border-2 border-red-700 bg-red-50 p-4 font-medium text-red-800">
          {error === "locked" ? t("locked", { minutes: 5 }) : t("invalid")}
        </p>
      )}
      <form method="post" action="/staff/session" className="mt-6 space-y-4">
        <input type="hidden" name="callbackUrl" value={safeReturnPath(callbackUrl, "/staff/home")} />
        <div>
          <label htmlFor="username" className="block font-semibold">{t("username")}</label>
          <input id="username" name="username" autoComplete="username" required className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-lg" />
        </div>
        <div>
          <label htmlFor="password" className="block font-semibold">{t("password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-lg" />
        </div>
        <button type="submit" className="flex min-h-12 w-full items-center justify-center rounded-lg bg-brand font-bold text-white hover:bg-brand-dark">
          {t("submit")}
        </button>
      </form>
    </main>
  );
}
