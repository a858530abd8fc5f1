import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { liveCatalogue } from "@/lib/services/catalogue";
import { agencyName } from "@/lib/services/agency";
import { StaffShell } from "@/components/staff/staff-shell";

export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await requireStaff("officer", "/officer");
  const [t, locale] = await Promise.all([getTranslations("officer"), getLocale()]);
  const service = liveCatalogue().find((s) => s.agency.code === officer.agency);
  return (
    <StaffShell
      title={t("console")}
      homeHref="/officer"
      who={service ? `${officer.fullName} · ${agencyName(service, undefined, locale)}` : officer.fullName}
      signOutLabel={t("signOut")}
      width="max-w-5xl"
      nav={
        <nav aria-label={t("console")} className="flex gap-3 text-sm">
          <Link href="/officer" className="inline-flex min-h-11 items-center underline">{t("nav.queue")}</Link>
          <Link href="/officer/imports" className="inline-flex min-h-11 items-center underline">{t("nav.imports")}</Link>
          <Link href="/officer/services" className="inline-flex min-h-11 items-center underline">{t("nav.services")}</Link>
        </nav>
      }
    >
      {children}
    </StaffShell>
  );
}
