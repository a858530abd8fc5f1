import type { Env } from "../env";

/** Cookie that carries the personal id typed before a refused attempt back to the sign-in form. */
export const LOGIN_HINT_COOKIE = "vneid_login_hint";

/**
 * The hint's Set-Cookie: two minutes, only under /vneid, never readable by scripts, and Secure when
 * the app is served over https, so a shared phone's plain-http request never carries the id.
 */
export function loginHintCookie(personalId: string, e: Pick<Env, "APP_ORIGIN">): string {
  const secure = new URL(e.APP_ORIGIN).protocol === "https:" ? "; Secure" : "";
  return `${LOGIN_HINT_COOKIE}=${encodeURIComponent(personalId.slice(0, 32))}; Path=/vneid; Max-Age=120; HttpOnly; SameSite=Lax${secure}`;
}
