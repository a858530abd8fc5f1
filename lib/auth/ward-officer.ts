import { notFound } from "next/navigation";
import { requireStaff } from "./staff-session";
import { wardOfficerOf } from "../dossiers/assist";
import type { AssistingOfficer } from "../dossiers/citizen-actions";

/** For the counter pages and actions: a signed-in ward officer, else the staff sign-in or not found. */
export async function requireWardOfficer(returnTo: string): Promise<AssistingOfficer & { agency: string }> {
  const staff = await requireStaff("officer", returnTo);
  const officer = staff && wardOfficerOf(staff);
  if (!officer) notFound();
  return { ...officer, agency: staff.agency };
}
