/**
 * CSRF policy for every mutation, applied centrally in proxy.ts: a POST/PUT/PATCH/DELETE must carry
 * an Origin header naming this app. A foreign, "null" or missing Origin is refused (Next itself lets a
 * missing Origin through to server actions). Only machine-to-machine routes that authenticate each
 * request with a bearer token or a signature (the SMS gateway), and Auth.js's own endpoints
 * (double-submit CSRF token), are exempt.
 */

import { env, vneidIssuer } from "../env";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Exempt paths: exact, or a prefix when the entry ends with "/". */
const CSRF_EXEMPT_PATHS = ["/api/gov/", "/api/engine/scan", "/api/sms/inbound", "/vneid/token", "/vneid/userinfo", "/api/auth/"] as const;

function isMutation(method: string): boolean {
  return MUTATING.has(method.toUpperCase());
}

export function isCsrfExempt(pathname: string): boolean {
  return CSRF_EXEMPT_PATHS.some((p) => (p.endsWith("/") ? pathname.startsWith(p) : pathname === p || pathname === `${p}/`));
}

interface CsrfRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

interface CsrfOrigins {
  /** The app's public origin (APP_ORIGIN). */
  app: string;
  /** The OpenID Provider's origin: its own sign-in form posts to /vneid/* from there. */
  issuer: string;
}

export type CsrfVerdict = { ok: true; why: "safe-method" | "exempt" | "same-origin" } | { ok: false; why: "missing-origin" | "null-origin" | "foreign-origin" };

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * The app's only Origin check (proxy.ts for every request, and the form routes once more). The Origin
 * must be exactly APP_ORIGIN, scheme, host and port, or the issuer's for /vneid/*; no Host or
 * X-Forwarded-* header can widen that.
 */
export function csrfVerdict(req: CsrfRequest, origins: CsrfOrigins): CsrfVerdict {
  if (!isMutation(req.method)) return { ok: true, why: "safe-method" };
  if (isCsrfExempt(req.pathname)) return { ok: true, why: "exempt" };
  const origin = req.headers.get("origin");
  if (origin === null || origin.trim() === "") return { ok: false, why: "missing-origin" };
  if (origin === "null") return { ok: false, why: "null-origin" };
  const given = originOf(origin);
  if (!given || given !== origin.replace(/\/$/, "")) return { ok: false, why: "foreign-origin" };
  if (given === originOf(origins.app)) return { ok: true, why: "same-origin" };
  if (req.pathname.startsWith("/vneid/") && given === originOf(origins.issuer)) return { ok: true, why: "same-origin" };
  return { ok: false, why: "foreign-origin" };
}

/** csrfVerdict for a route handler's own request, against the configured origins. */
export function hasOwnOrigin(request: Request): boolean {
  const e = env();
  return csrfVerdict({ method: request.method, pathname: new URL(request.url).pathname, headers: request.headers }, { app: e.APP_ORIGIN, issuer: vneidIssuer() }).ok;
}
