import { eq, lt, sql } from "drizzle-orm";
import { preparedPer, type Db, type Executor } from "../db/client";
import { revokedSessions } from "../db/schema";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./session-policy";
import * as clock from "../clock";

/** Records a signed-out session so its (still unexpired) cookie is refused everywhere until it would expire. */
export async function revokeSession(db: Executor, sid: string, authTime?: number): Promise<void> {
  const endsAt = new Date(((authTime ?? Math.floor(clock.now().getTime() / 1000)) + ABSOLUTE_TIMEOUT_SECONDS) * 1000);
  await db.insert(revokedSessions).values({ jti: sid, expiresAt: endsAt }).onConflictDoNothing();
  // Rows past every session's absolute limit can go: such a cookie is refused anyway.
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, clock.now()));
}

const revokedStatement = preparedPer((db) =>
  db.select({ jti: revokedSessions.jti }).from(revokedSessions).where(eq(revokedSessions.jti, sql.placeholder("sid"))).limit(1).prepare("session_revoked_v1"),
);

/** Asked on every request that reads a session, hence a prepared statement. */
export async function isSessionRevoked(db: Db, sid: string): Promise<boolean> {
  return (await revokedStatement(db).execute({ sid })).length > 0;
}
