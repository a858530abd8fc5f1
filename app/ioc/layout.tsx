import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { LocaleSwitch } from "@/components/locale-switch";

export default async function IocLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff("ioc", "/ioc");
  const t = await getTranslations();
  return (
    <>
      <header className="bg-slate-800 text-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:p-3 focus:text-ink">
          {t("app.skipToContent")}
        </a>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
          <Link href="/ioc" className="inline-flex min-h-11 items-center text-lg font-bold">{t("ioc.console")}</Link>
          <span className="text-sm text-slate-200">{staff.fullName}</span>
          <div className="ml-auto flex items-center gap-2">
            <LocaleSwitch className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-white underline" />
            <form method="post" action="/logout">
              <input type="hidden" name="next" value="/staff/login" />
              <button type="submit" className="inline-flex min-h-11 items-center rounded px-3 text-sm font-semibold text-white underline">
                {t("ioc.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
