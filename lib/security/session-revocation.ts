import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { revokedSessions } from "../db/schema";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./session-policy";

/** Records a signed-out session so its (still unexpired) cookie is refused everywhere until it would expire. */
export async function revokeSession(db: Executor, sid: string, authTime?: number): Promise<void> {
  const endsAt = new Date(((authTime ?? Math.floor(Date.now() / 1000)) + ABSOLUTE_TIMEOUT_SECONDS) * 1000);
  await db.insert(revokedSessions).values({ jti: sid, expiresAt: endsAt }).onConflictDoNothing();
  // Rows past every session's absolute limit can go: such a cookie is refused anyway.
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}

export async function isSessionRevoked(db: Executor, sid: string): Promise<boolean> {
  const rows = await db.select({ jti: revokedSessions.jti }).from(revokedSessions).where(eq(revokedSessions.jti, sid)).limit(1);
  return rows.length > 0;
}
