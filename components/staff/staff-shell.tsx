import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale-switch";

/** The header and main landmark every staff surface shares (officer console, operations dashboard). */
export async function StaffShell(props: {
  title: string;
  homeHref: string;
  who: string;
  signOutLabel: string;
  width: "max-w-5xl" | "max-w-6xl";
  nav?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations("app");
  return (
    <>
      <header className="bg-slate-800 text-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:p-3 focus:text-ink">
          {t("skipToContent")}
        </a>
        <div className={`mx-auto flex ${props.width} flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3`}>
          <Link href={props.homeHref} className="inline-flex min-h-11 items-center text-lg font-bold">{props.title}</Link>
          {props.nav}
          <span className="text-sm text-slate-200">{props.who}</span>
          <div className="ml-auto flex items-center gap-2">
            <LocaleSwitch className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-white underline" />
            <form method="post" action="/logout">
              <input type="hidden" name="next" value="/staff/login" />
              <button type="submit" className="inline-flex min-h-11 items-center rounded px-3 text-sm font-semibold text-white underline">
                {props.signOutLabel}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto ${props.width} px-4 py-6`}>
        {props.children}
      </main>
    </>
  );
}
