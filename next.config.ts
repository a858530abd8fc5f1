import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";
import { UPLOAD_BODY_LIMIT } from "./lib/http/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The one public origin (lib/env.ts reads the same variable); set it for `next build` as well as at start.
const appHost = new URL(process.env.APP_ORIGIN ?? "http://localhost:3000").host;

const nextConfig: NextConfig = {
  // PGlite loads its wasm and data files from its own package path; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    // Next hands a route only the first proxyClientMaxBodySize bytes of a body that passed proxy.ts,
    // ending the stream as if the file were complete (default 10 MB): an import would land part of a
    // file and report success. Above our own limit, so our count reaches 413 before any truncation.
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT + 1024 * 1024,
    // Next's own check on server actions, behind proxy.ts's: only our public host, however a proxy rewrites Host.
    serverActions: { allowedOrigins: [appHost] },
    // The stylesheet in the page itself: no render-blocking round trip before a cold phone paints.
    inlineCss: true,
  },
  // `npm test` type-checks the whole project once (npm run typecheck); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // HSTS, nosniff, Referrer-Policy, Permissions-Policy on every response; the CSP (per-request nonce)
  // and Cache-Control are set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default withNextIntl(nextConfig);
