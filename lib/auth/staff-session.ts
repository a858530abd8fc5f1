import { notFound, redirect } from "next/navigation";
import { getDb } from "../db/client";
import { claimsBeforeRevocationCheck, currentSession } from "./current-session";
import { liveStaff } from "./staff-access";
import type { StaffMember, StaffRole } from "./staff";

/** The signed-in staff member, as the officers table has them now (lib/auth/staff-access.ts). */
export async function currentStaff(): Promise<StaffMember | undefined> {
  const [session, claims] = await Promise.all([currentSession(), claimsBeforeRevocationCheck()]);
  const user = session?.user;
  if (!user || !claims || (user.role !== "officer" && user.role !== "ioc") || !user.agency) return undefined;
  return liveStaff(await getDb(), { sub: user.id, agency: user.agency, authTime: claims.authTime });
}

/**
 * For staff pages: no session, or a staff session the officers table no longer backs → the staff
 * sign-in; a session of another kind (a citizen), or the other staff role → not found.
 */
export async function requireStaff(role: StaffRole, returnTo: string): Promise<StaffMember> {
  const session = await currentSession();
  const staff = await currentStaff();
  const signIn = `/staff/login?callbackUrl=${encodeURIComponent(returnTo)}`;
  if (!session?.user || (!staff && (session.user.role === "officer" || session.user.role === "ioc"))) redirect(signIn);
  if (!staff || staff.role !== role) notFound();
  return staff;
}
