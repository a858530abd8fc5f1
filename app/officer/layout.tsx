import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { catalogue } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { StaffShell } from "@/components/staff/staff-shell";

export default async function OfficerLayout({ children }: { children: React.ReactNode }) {
  const officer = await requireStaff("officer", "/officer");
  const [t, locale] = await Promise.all([getTranslations("officer"), getLocale()]);
  const agency = catalogue.find((s) => s.agency.code === officer.agency)?.agency.name;
  return (
    <StaffShell
      title={t("console")}
      homeHref="/officer"
      who={agency ? `${officer.fullName} · ${pick(agency, locale)}` : officer.fullName}
      signOutLabel={t("signOut")}
      width="max-w-5xl"
      nav={
        <nav aria-label={t("console")} className="flex gap-3 text-sm">
          <Link href="/officer" className="inline-flex min-h-11 items-center underline">{t("nav.queue")}</Link>
          <Link href="/officer/imports" className="inline-flex min-h-11 items-center underline">{t("nav.imports")}</Link>
        </nav>
      }
    >
      {children}
    </StaffShell>
  );
}
