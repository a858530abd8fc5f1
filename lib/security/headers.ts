/** Security headers: the static set (next.config.ts, every response) and the per-request CSP (proxy.ts). */

const HSTS_SECONDS = 365 * 24 * 3600;

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Headers every response gets, static files included. */
export const staticSecurityHeaders: { key: string; value: string }[] = [
  { key: "Strict-Transport-Security", value: `max-age=${HSTS_SECONDS}; includeSubDomains` },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Stricter than strict-origin-when-cross-origin; same-origin posts still carry their Origin.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

interface CspOptions {
  /** The OpenID Provider's origin: the sign-in form's POST redirects there, and form-action covers redirects. */
  issuerOrigin: string;
  dev: boolean;
  https: boolean;
}

/**
 * Scripts run only with this request's nonce (Next reads it from the request's CSP header and stamps
 * its own scripts); 'strict-dynamic' lets those load the chunks they need. No plugins, no <base>, no
 * framing, and forms post only to us and the identity provider.
 */
export function contentSecurityPolicy(nonce: string, opts: CspOptions): string {
  const formTargets = ["'self'", ...(opts.issuerOrigin ? [opts.issuerOrigin] : [])];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${[...new Set(formTargets)].join(" ")}`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Responses that are nobody's personal data and may be cached; everything else the proxy sees is no-store. */
const CACHEABLE = [/^\/api\/health$/, /^\/vneid\/\.well-known\//, /^\/vneid\/jwks$/, /^\/offline$/, /^\/manifest\.webmanifest$/];

export function isPersonalPath(pathname: string): boolean {
  return !CACHEABLE.some((re) => re.test(pathname));
}
