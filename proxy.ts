import { NextResponse, type NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { env, vneidIssuer } from "@/lib/env";
import { isAbsentSurface } from "@/lib/security/demo-surfaces";
import { csrfVerdict, type CsrfVerdict } from "@/lib/security/csrf";
import { contentSecurityPolicy, isPersonalPath, newNonce } from "@/lib/security/headers";
import { sessionCookie } from "@/lib/security/session-cookie";
import { IDLE_TIMEOUT_SECONDS, needsTouch, nowSeconds } from "@/lib/security/session-policy";
import { readSessionToken } from "@/lib/security/session-token";

/**
 * Runs before every page, action and API route: answers 404 for surfaces this deployment does not
 * have (demo tools, the mock VNeID), refuses cross-site mutations (CSRF), sets the
 * per-request CSP nonce, marks personal responses no-store, and records session activity.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const e = env();
  const { pathname } = request.nextUrl;
  // Absent, not hidden: a page read shows the app's own not-found page, anything else a bare 404.
  const absent = isAbsentSurface(pathname, e);
  if (absent && (pathname.startsWith("/api/") || (request.method !== "GET" && request.method !== "HEAD"))) return notFound(pathname);
  const csrf = csrfVerdict({ method: request.method, pathname, headers: request.headers }, { app: e.APP_ORIGIN, issuer: vneidIssuer() });
  if (!csrf.ok) return refuse(pathname, csrf);

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    issuerOrigin: new URL(vneidIssuer()).origin,
    dev: process.env.NODE_ENV === "development",
    https: new URL(e.APP_ORIGIN).protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  // Where the request was going, so a sign-in required by a layout returns there and not to the home page.
  requestHeaders.set("x-return-to", pathname + request.nextUrl.search);
  const response = absent
    ? NextResponse.rewrite(new URL(ABSENT_PAGE, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isPersonalPath(pathname)) response.headers.set("Cache-Control", "no-store");
  if (!SETS_ITS_OWN_SESSION.test(pathname) && !isStatusPoll(request.method, pathname)) await touchSession(request, response);
  return response;
}

function refuse(pathname: string, verdict: Extract<CsrfVerdict, { ok: false }>): NextResponse {
  const headers = { "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: "forbidden", reason: verdict.why, message: "Yêu cầu bị từ chối: không đến từ trang của Chủ Động." },
      { status: 403, headers },
    );
  }
  return new NextResponse("Yêu cầu bị từ chối: không đến từ trang của Chủ Động (403).", {
    status: 403,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** No route lives here (a "_" folder is private in the App Router), so Next renders app/not-found.tsx with 404. */
const ABSENT_PAGE = "/_absent";

function notFound(pathname: string): NextResponse {
  const headers = { "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "not_found" }, { status: 404, headers });
  return new NextResponse(null, { status: 404, headers });
}

/** Sign-in and sign-out write the session cookie themselves; a refresh of the old one must not race them. */
const SETS_ITS_OWN_SESSION = /^\/(?:api\/auth|login|logout|staff\/session)(?:\/|$)/;

/** The status JSON the app polls: reading it is not activity, or an open tab would never time out. */
const STATUS_JSON = /^\/api\/v1\/dossiers(?:\/[^/]+)?$/;
const isStatusPoll = (method: string, pathname: string) => (method === "GET" || method === "HEAD") && STATUS_JSON.test(pathname);

/**
 * Sliding idle timeout: activity re-issues the session cookie (at most once a minute) with a fresh
 * lastSeen and 15 more minutes. An idle, expired or unreadable cookie is left alone: currentSession()
 * refuses it. Revocation is checked there too, against the database.
 */
async function touchSession(request: NextRequest, response: NextResponse) {
  const e = env();
  const cookie = sessionCookie(e);
  const value = request.cookies.get(cookie.name)?.value;
  if (!value) return;
  const now = nowSeconds();
  try {
    const token = await readSessionToken(value, e.AUTH_SECRET, cookie.name, now);
    if (!token || !needsTouch(token, now)) return;
    const fresh = await encode({ token: { ...token, lastSeen: now }, secret: e.AUTH_SECRET, salt: cookie.name, maxAge: IDLE_TIMEOUT_SECONDS });
    response.cookies.set(cookie.name, fresh, { ...cookie.options, maxAge: IDLE_TIMEOUT_SECONDS });
  } catch {
    // Not ours to judge here.
  }
}

export const config = {
  // Everything but the build's hashed assets and the app icons: a rule on file extensions would let
  // /dossiers/HS-…-000001.png reach a personal route without CSRF, CSP or no-store.
  matcher: ["/((?!_next/static/|icons/).*)"],
};
