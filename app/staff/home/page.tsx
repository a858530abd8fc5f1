import { redirect } from "next/navigation";
import { currentStaff } from "@/lib/auth/staff-session";

export const dynamic = "force-dynamic";

/** Where staff land after sign-in: officers at their queue, operations staff at the dashboard. */
export default async function StaffHome() {
  const staff = await currentStaff();
  redirect(!staff ? "/staff/login" : staff.role === "ioc" ? "/ioc" : "/officer");
}
