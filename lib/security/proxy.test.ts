import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";

process.env.APP_ORIGIN = "http://localhost:3000";
delete process.env.VNEID_ISSUER;
const { proxy, config } = await import("@/proxy");
const { env } = await import("@/lib/env");
const { sessionCookie } = await import("./session-cookie");
const { isCsrfExempt } = await import("./csrf");

const APP = "http://localhost:3000";

function req(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "localhost:3000", ...init.headers } });
}
const isPassedOn = (r: Response) => r.headers.get("x-middleware-next") === "1";

describe("proxy: CSRF on every mutation", () => {
  const action = { "next-action": "60659159f11be61c1671f19866e803d429ea6cc4cb", "content-type": "multipart/form-data; boundary=x" };

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a %s server action or form post with a foreign, null or missing Origin", async (method) => {
    for (const path of ["/dossiers/HS-2026-000001", "/officer/dossiers/HS-2026-000001", "/logout", "/locale", "/api/v1/dossiers/HS-2026-000001/actions", "/vneid/login"]) {
      for (const origin of [undefined, "null", "https://evil.example", "http://localhost:3000.evil.example", "http://localhost:3001", "https://localhost:3000", ""]) {
        const headers: Record<string, string> = { ...action };
        if (origin !== undefined) headers.origin = origin;
        const r = await proxy(req(path, { method, headers }));
        expect(r.status, `${method} ${path} Origin=${origin}`).toBe(403);
        expect(isPassedOn(r)).toBe(false);
      }
    }
  });

  it("answers a refused API call in JSON and a page post in Vietnamese text", async () => {
    const api = await proxy(req("/api/v1/dossiers/HS-2026-000001/actions", { method: "POST" }));
    expect(await api.json()).toMatchObject({ error: "forbidden", reason: "missing-origin" });
    const page = await proxy(req("/dossiers/HS-2026-000001", { method: "POST", headers: { origin: "null" } }));
    expect(await page.text()).toMatch(/Yêu cầu bị từ chối/);
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("passes a mutation on only when its Origin is APP_ORIGIN, scheme included; no Host header widens that", async () => {
    expect(isPassedOn(await proxy(req("/dossiers/HS-2026-000001", { method: "POST", headers: { ...action, origin: APP } })))).toBe(true);
    const forwarded = { origin: "https://dichvu.danang.gov.vn", "x-forwarded-host": "dichvu.danang.gov.vn", "x-forwarded-proto": "https" };
    expect((await proxy(req("/locale", { method: "POST", headers: forwarded }))).status).toBe(403);
    const ownHost = { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" };
    expect((await proxy(req("/locale", { method: "POST", headers: ownHost }))).status).toBe(403);
  });

  it("is the app's one Origin check: the form routes ask the same function", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../..");
    const walk = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : []));
    const readers = [...walk("app"), ...walk("lib"), "proxy.ts"].filter((f) => !f.endsWith(".test.ts") && /headers\.get\("origin"\)/.test(readFileSync(path.join(root, f), "utf8")));
    expect(readers).toEqual(["lib/security/csrf.ts"]);
  });

  it("exempts only bearer-token machine routes and Auth.js's own endpoints, which need no Origin", async () => {
    for (const path of ["/api/gov/births", "/api/gov/imports/poor-households", "/api/engine/scan", "/vneid/token", "/vneid/userinfo", "/api/auth/callback/staff", "/api/auth/signout"]) {
      expect(isPassedOn(await proxy(req(path, { method: "POST" }))), path).toBe(true);
    }
    for (const path of ["/api/govx", "/api/engine/scan/x", "/vneid/tokens", "/vneid/login", "/api/v1/dossiers", "/api/authx/y", "/api/dev/sms"]) {
      expect(isCsrfExempt(path), path).toBe(false);
    }
  });

  it("lets safe methods through", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(isPassedOn(await proxy(req("/dossiers", { method })))).toBe(true);
  });
});

describe("proxy: headers", () => {
  it("sets a fresh nonce CSP on the request (for Next to stamp its scripts) and on the response", async () => {
    const a = await proxy(req("/"));
    const b = await proxy(req("/"));
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self' http://localhost:3000", "default-src 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain("unsafe-eval");
  });

  it("marks personal pages and APIs no-store, but not the health check or public metadata", async () => {
    for (const path of ["/", "/dossiers/HS-2026-000001", "/officer", "/ioc", "/api/v1/dossiers", "/api/dev/sms", "/account"]) {
      expect((await proxy(req(path))).headers.get("cache-control"), path).toBe("no-store");
    }
    for (const path of ["/api/health", "/vneid/jwks", "/vneid/.well-known/openid-configuration", "/offline"]) {
      expect((await proxy(req(path))).headers.get("cache-control"), path).toBeNull();
    }
  });

  it("runs on everything but the build's hashed assets and the icons, whatever a path ends in", async () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/_next/static/chunks/a.js", "/_next/static/css/x.css", "/icons/icon-192.png"]) expect(matcher.test(path), path).toBe(false);
    const personal = ["/dossiers/HS-2026-000001.png", "/dossiers/HS-2026-000001.txt", "/officer/dossiers/HS-2026-000001.woff2", "/api/v1/dossiers/HS-2026-000001.xml", "/my-data.svg", "/iconsx/a.png"];
    for (const path of [...personal, "/", "/sw.js", "/manifest.webmanifest", "/api/health", "/vneid/jwks", "/api/v1/dossiers", "/api/v1/dossiers/HS-2026-000001", "/_next/image", "/vneid/login"]) {
      expect(matcher.test(path), path).toBe(true);
    }
    for (const path of personal) {
      const r = await proxy(req(path, { method: "POST", headers: { origin: "https://evil.example" } }));
      expect(r.status, path).toBe(403);
      const get = await proxy(req(path));
      expect(get.headers.get("cache-control"), path).toBe("no-store");
      expect(get.headers.get("content-security-policy"), path).toContain("nonce-");
    }
  });

  it("does not count a status poll as activity", async () => {
    const cookie = sessionCookie(env());
    const now = Math.floor(Date.now() / 1000);
    const token = await encode({ token: { sub: "048090000001", role: "citizen", sid: "3b1f0c2e-6a4e-4d0e-9d7b-1a2b3c4d5e6f", authTime: now - 600, lastSeen: now - 120 }, secret: env().AUTH_SECRET, salt: cookie.name, maxAge: 900 });
    for (const path of ["/api/v1/dossiers", "/api/v1/dossiers/HS-2026-000001"]) {
      expect((await proxy(req(path, { headers: { cookie: `${cookie.name}=${token}` } }))).cookies.get(cookie.name), path).toBeUndefined();
    }
  });
});

describe("proxy: session activity", () => {
  const cookie = sessionCookie(env());
  const secret = env().AUTH_SECRET;
  const now = () => Math.floor(Date.now() / 1000);
  const tokenWith = (claims: Record<string, unknown>) =>
    encode({ token: { sub: "048090000001", role: "citizen", sid: "3b1f0c2e-6a4e-4d0e-9d7b-1a2b3c4d5e6f", ...claims }, secret, salt: cookie.name, maxAge: 900 });
  const get = (value: string) => proxy(req("/", { headers: { cookie: `${cookie.name}=${value}` } }));

  it("re-issues the cookie with a fresh lastSeen when the session was active over a minute ago", async () => {
    const r = await get(await tokenWith({ authTime: now() - 3600, lastSeen: now() - 120 }));
    const set = r.cookies.get(cookie.name);
    expect(set?.httpOnly).toBe(true);
    expect(set?.sameSite).toBe("lax");
    expect(set?.maxAge).toBe(900);
    const token = await decode({ token: set!.value, secret, salt: cookie.name });
    expect(Math.abs((token!.lastSeen as number) - now())).toBeLessThanOrEqual(2);
    expect(token!.sid).toBe("3b1f0c2e-6a4e-4d0e-9d7b-1a2b3c4d5e6f");
  });

  it("leaves a just-used, an idle, a too-old or a foreign cookie alone", async () => {
    expect((await get(await tokenWith({ authTime: now() - 60, lastSeen: now() - 10 }))).cookies.get(cookie.name)).toBeUndefined();
    expect((await get(await tokenWith({ authTime: now() - 3600, lastSeen: now() - 16 * 60 }))).cookies.get(cookie.name)).toBeUndefined();
    expect((await get(await tokenWith({ authTime: now() - 8 * 3600 - 5, lastSeen: now() - 120 }))).cookies.get(cookie.name)).toBeUndefined();
    expect((await get("not-a-jwt")).cookies.get(cookie.name)).toBeUndefined();
  });

  it("counts a form post as activity, but never touches where sign-in or sign-out write the cookie", async () => {
    const value = await tokenWith({ authTime: now() - 3600, lastSeen: now() - 120 });
    const post = (path: string) => proxy(req(path, { method: "POST", headers: { origin: APP, cookie: `${cookie.name}=${value}` } }));
    expect((await post("/dossiers/HS-2026-000001")).cookies.get(cookie.name)).toBeDefined();
    for (const path of ["/logout", "/login/vneid", "/staff/session", "/api/auth/callback/staff", "/api/auth/signout"]) {
      expect((await post(path)).cookies.get(cookie.name), path).toBeUndefined();
    }
  });
});

describe("session cookie names", () => {
  it("uses __Host- with Secure over https, a plain name over http; HttpOnly and SameSite=Lax always", () => {
    expect(sessionCookie({ APP_ORIGIN: "https://dichvu.danang.gov.vn" })).toEqual({
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookie({ APP_ORIGIN: "http://localhost:3000" })).toMatchObject({
      name: "authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: false },
    });
  });
});
