import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { StaffShell } from "@/components/staff/staff-shell";

export default async function IocLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff("ioc", "/ioc");
  const t = await getTranslations("ioc");
  return (
    <StaffShell title={t("console")} homeHref="/ioc" who={staff.fullName} signOutLabel={t("signOut")} width="max-w-6xl">
      {children}
    </StaffShell>
  );
}
