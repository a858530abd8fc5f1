import type { Executor } from "../db/client";
import { endStaffSessions, findStaffAccount, type StaffAccount } from "../db/staff-accounts";
import { IOC_AGENCY, type StaffMember } from "./staff";
import * as clock from "../clock";

/** How long a process may act on what it last read of an account: removal or a move bites within this. */
export const STAFF_RECHECK_MS = 60_000;
const MAX_ENTRIES = 10_000;

// On globalThis: every bundle of this process shares one view of the officers table.
const shared = globalThis as unknown as { chuDongStaffAccounts?: Map<string, { readAt: number; account: StaffAccount | undefined }> };
const accounts = (shared.chuDongStaffAccounts ??= new Map());

async function accountOf(db: Executor, username: string): Promise<StaffAccount | undefined> {
  const now = clock.now().getTime();
  const hit = accounts.get(username);
  if (hit && now - hit.readAt < STAFF_RECHECK_MS) return hit.account;
  const account = await findStaffAccount(db, username);
  if (accounts.size >= MAX_ENTRIES) accounts.delete(accounts.keys().next().value!);
  accounts.set(username, { readAt: now, account });
  return account;
}

/** What a staff session's cookie claims; the officers table decides whether it still holds. */
export interface StaffClaims {
  sub: string;
  agency: string;
  /** Sign-in time, seconds. */
  authTime: number;
}

/**
 * The staff member behind a session, re-checked against the officers table (read at most a minute
 * ago): a removed account, one moved to another agency, or one whose sessions an administrator ended
 * since this sign-in, is no longer staff.
 */
export async function liveStaff(db: Executor, claims: StaffClaims): Promise<StaffMember | undefined> {
  const username = claims.sub.replace(/^staff:/, "");
  if (username === claims.sub) return undefined;
  const account = await accountOf(db, username);
  if (!account || account.agency !== claims.agency) return undefined;
  if (account.sessionsNotBefore && claims.authTime * 1000 < account.sessionsNotBefore.getTime()) return undefined;
  return {
    username,
    fullName: account.fullName,
    agency: account.agency,
    role: account.agency === IOC_AGENCY ? "ioc" : "officer",
    commune: account.commune,
  };
}

/** An administrator's "end all sessions" for one staff member; this process forgets its copy at once. */
export async function endAllSessionsOf(db: Executor, username: string): Promise<boolean> {
  const ended = await endStaffSessions(db, username);
  accounts.delete(username);
  return ended;
}
