import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { catalogue } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { LocaleSwitch } from "@/components/locale-switch";

export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await requireStaff("officer", "/officer");
  const [t, locale] = await Promise.all([getTranslations("officer"), getLocale()]);
  const agency = catalogue.find((s) => s.agency.code === officer.agency)?.agency.name;
  return (
    <>
      <header className="bg-slate-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
          <Link href="/officer" className="text-lg font-bold">{t("console")}</Link>
          <nav aria-label={t("console")} className="flex gap-3 text-sm">
            <Link href="/officer" className="inline-flex min-h-11 items-center underline">{t("nav.queue")}</Link>
            <Link href="/officer/imports" className="inline-flex min-h-11 items-center underline">{t("nav.imports")}</Link>
          </nav>
          <span className="text-sm text-slate-200">
            {officer.fullName}
            {agency && ` · ${pick(agency, locale)}`}
          </span>
          <div className="ml-auto flex items-center gap-2">
            <LocaleSwitch className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-white underline" />
            <form method="post" action="/logout">
              <input type="hidden" name="next" value="/staff/login" />
              <button type="submit" className="inline-flex min-h-11 items-center rounded px-3 text-sm font-semibold text-white underline">
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
