import { env, vneidIssuer } from "../env";

/** CSRF guard for the sign-in form: only our own pages may post it; a missing or "null" Origin is refused. */
export function isFromOwnOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  return origin === new URL(env().APP_ORIGIN).origin || origin === new URL(vneidIssuer()).origin;
}
