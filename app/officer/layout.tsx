import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { liveCatalogue } from "@/lib/services/catalogue";
import { agencyName } from "@/lib/services/agency";
import { StaffShell } from "@/components/staff/staff-shell";
import { ownerAgencyName } from "@/lib/corrections/route";
import { pick } from "@/lib/i18n/localized";
import { wardOfficerOf } from "@/lib/dossiers/assist";

export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await requireStaff("officer", "/officer");
  const [t, tc, th, locale] = await Promise.all([getTranslations("officer"), getTranslations("corrections.officer"), getTranslations("help.assist"), getLocale()]);
  const service = liveCatalogue().find((s) => s.agency.code === officer.agency);
  const owner = ownerAgencyName(officer.agency);
  const agency = service ? agencyName(service, officer.commune ?? undefined, locale) : owner && pick(owner, locale);
  return (
    <StaffShell
      title={t("console")}
      homeHref="/officer"
      who={agency ? `${officer.fullName} · ${agency}` : officer.fullName}
      signOutLabel={t("signOut")}
      width="max-w-5xl"
      nav={
        <nav aria-label={t("console")} className="flex gap-3 text-sm">
          <Link href="/officer" className="inline-flex min-h-11 items-center underline">{t("nav.queue")}</Link>
          <Link href="/officer/imports" className="inline-flex min-h-11 items-center underline">{t("nav.imports")}</Link>
          {owner && <Link href="/officer/corrections" className="inline-flex min-h-11 items-center underline">{tc("nav")}</Link>}
          <Link href="/officer/services" className="inline-flex min-h-11 items-center underline">{t("nav.services")}</Link>
          {wardOfficerOf(officer) && <Link href="/officer/assist" className="inline-flex min-h-11 items-center underline">{th("nav")}</Link>}
        </nav>
      }
    >
      {children}
    </StaffShell>
  );
}
