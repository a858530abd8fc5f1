import { env } from "../env";

/** CSRF guard for form posts and JSON mutations: the Origin must be our own; a missing or "null" Origin is refused. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  if (origin === new URL(env().APP_ORIGIN).origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return host !== null && new URL(origin).host === host;
}

/** A path inside this app, safe to redirect to after sign-in or a language switch. */
export function safeLocalPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
