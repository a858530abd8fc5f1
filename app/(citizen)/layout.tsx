import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { safeReturnPath } from "@/lib/security/safe-return";
import { BottomNav } from "@/components/citizen/bottom-nav";
import { requireCitizen } from "@/lib/auth/session";
import { LocaleSwitch } from "@/components/locale-switch";
import { PwaShell } from "@/components/pwa/pwa-shell";
import { formatTime } from "@/lib/dates";
import * as clock from "@/lib/clock";

const icons = {
  forYou: "M12 3l2.6 5.6 6.1.6-4.6 4.1 1.3 6-5.4-3.1-5.4 3.1 1.3-6L3.3 9.2l6.1-.6L12 3z",
  dossiers: "M6 3h8l4 4v14H6V3zm8 0v4h4M9 12h6M9 16h6",
  notifications: "M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4h4",
  account: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9a7 7 0 0 1 14 0",
};

export default async function CitizenLayout({ children }: { children: React.ReactNode }) {
  // The page asked for, not "/": a session that timed out while choosing a name comes back to that dossier.
  await requireCitizen(safeReturnPath((await headers()).get("x-return-to")));
  const t = await getTranslations();
  return (
    <>
      <PwaShell
        updatedAt={formatTime(clock.now())}
        renderedAt={clock.now().toISOString()}
        text={{
          offlineBanner: t.raw("pwa.offlineBanner") as string,
          cachedCopy: t.raw("pwa.cachedCopy") as string,
          updateReady: t("pwa.updateReady"),
          update: t("pwa.update"),
          install: t("pwa.install"),
          installButton: t("pwa.installButton"),
          dismiss: t("pwa.dismiss"),
        }}
      />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:p-3">
        {t("app.skipToContent")}
      </a>
      <header className="bg-brand text-white print:hidden">
        <div className="mx-auto flex max-w-xl items-center gap-2 px-4 py-3">
          <span aria-hidden="true" className="text-gold text-xl">★</span>
          <Link href="/" className="text-lg font-bold tracking-tight">
            {t("app.name")}
          </Link>
          <div className="ml-auto">
            <LocaleSwitch className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-semibold text-white underline underline-offset-4" />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 pb-28 pt-4">
        {children}
      </main>
      <BottomNav
        label={t("nav.label")}
        items={[
          { href: "/", label: t("nav.forYou"), icon: icons.forYou },
          { href: "/dossiers", label: t("nav.dossiers"), icon: icons.dossiers },
          { href: "/notifications", label: t("nav.notifications"), icon: icons.notifications },
          { href: "/account", label: t("nav.account"), icon: icons.account },
        ]}
      />
    </>
  );
}
