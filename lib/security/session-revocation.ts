import { lt, sql } from "drizzle-orm";
import { preparedRows, type Db, type Executor, type PreparedStatement } from "../db/client";
import { revokedSessions } from "../db/schema";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./session-policy";

/** Records a signed-out session so its (still unexpired) cookie is refused everywhere until it would expire. */
export async function revokeSession(db: Executor, sid: string, authTime?: number): Promise<void> {
  const endsAt = new Date(((authTime ?? Math.floor(Date.now() / 1000)) + ABSOLUTE_TIMEOUT_SECONDS) * 1000);
  await db.insert(revokedSessions).values({ jti: sid, expiresAt: endsAt }).onConflictDoNothing();
  // Rows past every session's absolute limit can go: such a cookie is refused anyway.
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}

const REVOKED_STATEMENT: PreparedStatement = { name: "session_revoked_v1", text: "SELECT 1 FROM revoked_sessions WHERE jti = $1 LIMIT 1" };

/** Asked on every request that reads a session, hence a prepared statement. */
export async function isSessionRevoked(db: Db, sid: string): Promise<boolean> {
  return (await preparedRows(db, REVOKED_STATEMENT, [sid])).length > 0;
}
