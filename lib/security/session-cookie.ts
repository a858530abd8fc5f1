import type { Env } from "../env";

/**
 * The session cookie: `__Host-` (Secure, Path=/, no Domain: bound to this exact origin) when the app is
 * served over https, HttpOnly and SameSite=Lax always. Auth.js also salts the JWT's key with this name.
 */
export function sessionCookie(e: Pick<Env, "APP_ORIGIN">) {
  const secure = new URL(e.APP_ORIGIN).protocol === "https:";
  return {
    name: secure ? "__Host-authjs.session-token" : "authjs.session-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
