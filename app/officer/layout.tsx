import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { catalogue } from "@/lib/services/catalogue";
import { agencyName } from "@/lib/services/agency";
import { StaffShell } from "@/components/staff/staff-shell";
import { wardOfficerOf } from "@/lib/dossiers/assist";

export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await requireStaff("officer", "/officer");
  const [t, th, locale] = await Promise.all([getTranslations("officer"), getTranslations("help.assist"), getLocale()]);
  const service = catalogue.find((s) => s.agency.code === officer.agency);
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
          {wardOfficerOf(officer) && <Link href="/officer/assist" className="inline-flex min-h-11 items-center underline">{th("nav")}</Link>}
        </nav>
      }
    >
      {children}
    </StaffShell>
  );
}
