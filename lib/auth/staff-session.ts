import { notFound, redirect } from "next/navigation";
import { currentSession } from "./current-session";
import type { StaffMember, StaffRole } from "./staff";

export async function currentStaff(): Promise<StaffMember | undefined> {
  const session = await currentSession();
  const user = session?.user;
  if (!user || (user.role !== "officer" && user.role !== "ioc") || !user.agency) return undefined;
  return { username: user.id.replace(/^staff:/, ""), fullName: user.name ?? "", agency: user.agency, role: user.role };
}

/** For staff pages: no session → the staff sign-in; a session of another kind (a citizen) → not found. */
export async function requireStaff(role: StaffRole, returnTo: string): Promise<StaffMember> {
  const session = await currentSession();
  if (!session?.user) redirect(`/staff/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  const staff = await currentStaff();
  if (!staff || staff.role !== role) notFound();
  return staff;
}
