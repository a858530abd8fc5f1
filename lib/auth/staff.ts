import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { officers } from "../db/schema";
import { hashPasscode, verifyPasscode } from "./passcode";
import { admitAttempt, settleAttempt } from "../oidc/throttle";

export const staffCredentials = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/),
  password: z.string().min(1).max(128),
});

export type StaffRole = "officer" | "ioc";
export const IOC_AGENCY = "ioc";

export interface StaffMember {
  username: string;
  fullName: string;
  agency: string;
  /** A ward- or commune-level office serves one commune: its queue shows that commune's dossiers, and its officers may assist citizens there. */
  commune?: string | null;
  role: StaffRole;
}

export type StaffSignIn = { ok: true; staff: StaffMember } | { ok: false; reason: "invalid" | "locked"; waitMinutes?: number };

let dummyHash: Promise<string> | undefined;

/** Officer and operations-staff sign-in, throttled like the citizens' (by account and by address). */
export async function authenticateStaff(db: Db, input: unknown, ip: string): Promise<StaffSignIn> {
  const parsed = staffCredentials.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const admission = await admitAttempt(db, { personalId: `staff:${parsed.data.username}`, ip });
  if (!admission.admitted) return { ok: false, reason: "locked", waitMinutes: admission.waitMinutes };
  if (admission.delayMs > 0) await new Promise((r) => setTimeout(r, admission.delayMs));
  const [row] = await db.select().from(officers).where(eq(officers.username, parsed.data.username));
  const stored = row?.passwordHash ?? (await (dummyHash ??= hashPasscode("not-a-password")));
  const valid = (await verifyPasscode(parsed.data.password, stored)) && Boolean(row);
  await settleAttempt(db, admission.attempt, valid ? "success" : "failure");
  if (!valid || !row) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    staff: { username: row.username, fullName: row.fullName, agency: row.agency, role: row.agency === IOC_AGENCY ? "ioc" : "officer" },
  };
}
