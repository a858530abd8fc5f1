import { eq } from "drizzle-orm";
import type { Executor } from "./client";
import { officers } from "./schema";
import * as clock from "../clock";

export interface StaffAccount {
  username: string;
  fullName: string;
  agency: string;
  commune: string | null;
  sessionsNotBefore: Date | null;
}

export async function findStaffAccount(db: Executor, username: string): Promise<StaffAccount | undefined> {
  const [row] = await db
    .select({ username: officers.username, fullName: officers.fullName, agency: officers.agency, commune: officers.commune, sessionsNotBefore: officers.sessionsNotBefore })
    .from(officers)
    .where(eq(officers.username, username));
  return row;
}

/** Ends every session the account signed in before now; false when there is no such account. */
export async function endStaffSessions(db: Executor, username: string): Promise<boolean> {
  const rows = await db.update(officers).set({ sessionsNotBefore: clock.now() }).where(eq(officers.username, username)).returning({ username: officers.username });
  return rows.length > 0;
}

/** Where a staff member works: their commune (null: every centre of the agency) and whether they lead it. */
export async function staffPost(db: Executor, username: string): Promise<{ commune: string | null; lead: boolean } | undefined> {
  const [row] = await db.select({ commune: officers.commune, lead: officers.lead }).from(officers).where(eq(officers.username, username));
  return row;
}
