import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { isAbsentSurface } from "./demo-surfaces";

const APP = "http://localhost:3000";
const off = { DEMO_MODE: false, APP_ORIGIN: APP, VNEID_ISSUER: undefined };

describe("demo surfaces are absent outside demo mode", () => {
  it("has no SMS simulator, page or API, unless DEMO_MODE is on", () => {
    for (const path of ["/dev/sms", "/dev/sms/", "/api/dev/sms", "/dev", "/api/dev/anything"]) {
      expect(isAbsentSurface(path, off), path).toBe(true);
      expect(isAbsentSurface(path, { ...off, DEMO_MODE: true }), path).toBe(false);
    }
    for (const path of ["/devices", "/api/devx", "/", "/dossiers"]) expect(isAbsentSurface(path, off), path).toBe(false);
  });

  it("has no mock VNeID once VNEID_ISSUER names another provider, demo or not", () => {
    const real = { ...off, VNEID_ISSUER: "https://vneid.gov.vn/oidc" };
    for (const path of ["/vneid/authorize", "/vneid/login", "/vneid/token", "/vneid/userinfo", "/vneid/jwks", "/vneid/.well-known/openid-configuration"]) {
      expect(isAbsentSurface(path, real), path).toBe(true);
      expect(isAbsentSurface(path, { ...real, DEMO_MODE: true }), path).toBe(true);
      expect(isAbsentSurface(path, off), path).toBe(false);
      expect(isAbsentSurface(path, { ...off, VNEID_ISSUER: `${APP}/vneid/` }), path).toBe(false);
    }
    expect(isAbsentSurface("/vneidx", real)).toBe(false);
  });
});

describe("the proxy answers 404 for them with DEMO_MODE unset", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function proxyWith(vars: Record<string, string | undefined>) {
    vi.resetModules();
    vi.stubEnv("APP_ORIGIN", APP);
    vi.stubEnv("DEMO_MODE", undefined);
    vi.stubEnv("VNEID_ISSUER", undefined);
    for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
    return (await import("@/proxy")).proxy;
  }
  const req = (path: string, method = "GET") => new NextRequest(`${APP}${path}`, { method, headers: { origin: APP } });

  it("a JSON 404 for /api/dev/sms, the not-found page for /dev/sms", async () => {
    const proxy = await proxyWith({});
    const api = await proxy(req("/api/dev/sms?phone=0905000001"));
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: "not_found" });
    const page = await proxy(req("/dev/sms"));
    expect(page.headers.get("x-middleware-rewrite")).toBe(`${APP}/_absent`);
    expect((await proxy(req("/dev/sms", "POST"))).status).toBe(404);
  });

  it("passes them on in demo mode", async () => {
    const proxy = await proxyWith({ DEMO_MODE: "true" });
    expect((await proxy(req("/api/dev/sms"))).headers.get("x-middleware-next")).toBe("1");
  });

  it("the mock VNeID's endpoints 404 when the issuer is elsewhere", async () => {
    const proxy = await proxyWith({ VNEID_ISSUER: "https://vneid.gov.vn/oidc" });
    expect((await proxy(req("/vneid/login", "POST"))).status).toBe(404);
    expect((await proxy(req("/vneid/token", "POST"))).status).toBe(404);
    expect((await proxy(req("/vneid/authorize"))).headers.get("x-middleware-rewrite")).toBe(`${APP}/_absent`);
  });
});
