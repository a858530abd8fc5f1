import { beforeAll, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { mutationRegistry, type RouteEntry } from "./mutation-registry";

// Every mutating route, from the registry: over its body limit it answers 413, whether the client
// declares a Content-Length or streams a chunked body without one, and it stops reading there.

vi.mock("@/lib/auth/session", () => ({ currentCitizenId: async () => "048190000002", requireCitizen: async () => "048190000002" }));
vi.mock("@/lib/auth/staff-session", () => ({
  currentStaff: async () => ({ username: "xahoi", fullName: "xahoi", agency: "xahoi", role: "officer" }),
  requireStaff: async () => ({ username: "xahoi", fullName: "xahoi", agency: "xahoi", role: "officer" }),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`,
  getLocale: async () => "vi",
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => {}, get: () => undefined }) }));
// Auth.js itself is not under test here: only that a body reaches it within the limit.
vi.mock("@/auth", () => ({
  signIn: async () => "http://localhost:3000/",
  signOut: async () => {},
  handlers: { GET: async () => new Response("ok"), POST: async (r: Request) => new Response(`read ${(await r.arrayBuffer()).byteLength}`) },
}));

process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { getDb } = await import("@/lib/db/client");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");

const ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://localhost:3000";
const routes = mutationRegistry.filter((e): e is RouteEntry => e.kind === "route");
const limited = routes.filter((r): r is RouteEntry & { body: number } => r.body !== "none");

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const context = { params: Promise.resolve({ code: "HS-2026-000001", dataset: "poor-households", nextauth: ["callback", "staff"] }) };

/** What each kind of route is sent: the content type it reads, and the key an agency route wants. */
function headersFor(route: RouteEntry): Record<string, string> {
  const type = route.path.includes("/imports") ? "text/csv" : route.path.startsWith("/api/") && !route.path.startsWith("/api/auth") ? "application/json" : "application/x-www-form-urlencoded";
  const keys: Record<string, string> = { "/api/gov/births": "demo-hospital-key", "/api/gov/onestop/status": "demo-onestop-key" };
  const key = keys[route.path] ?? "demo-social-key";
  return { origin: ORIGIN, host: "localhost:3000", "content-type": type, authorization: route.guard === "agency-key" ? `Bearer ${key}` : "" };
}

/** A chunked body of `total` bytes with no Content-Length; `pulled()` says how much the route read. */
function chunkedBody(total: number) {
  const size = Math.min(1 << 20, Math.max(1024, Math.ceil(total / 16)));
  let sent = 0;
  const chunk = new TextEncoder().encode("x".repeat(size));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const next = chunk.subarray(0, Math.min(size, total - sent));
      sent += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, pulled: () => sent, size };
}

async function handler(route: RouteEntry): Promise<Handler> {
  const mod = (await import(path.join(ROOT, route.file))) as { POST: Handler };
  return mod.POST;
}

const request = (route: RouteEntry, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${route.path}${route.path === "/officer/imports/upload" ? "?dataset=poor-households" : ""}`, { method: "POST", body, headers: { ...headersFor(route), ...headers }, duplex: "half" } as RequestInit);

describe("request body limits", () => {
  beforeAll(async () => {
    await seedDemoAgencyKeys(await getDb());
  });

  it("every route that reads a body has a limit in the registry", () => {
    expect(limited.map((r) => r.path).sort()).toEqual(
      ["/api/v1/dossiers/HS-2026-000001/actions", "/officer/imports/upload", "/api/gov/births", "/api/gov/imports/poor-households", "/vneid/token", "/vneid/login", "/staff/session", "/api/auth/callback/staff", "/login/vneid", "/logout", "/locale", "/paygate/complete", "/api/sms/inbound", "/api/gov/onestop/status"].sort(),
    );
  });

  it.each(limited)("$path: 413 for a declared Content-Length over $body bytes", async (route) => {
    const response = await (await handler(route))(request(route, "x", { "content-length": String(route.body + 1) }), context);
    expect(response.status).toBe(413);
  });

  it.each(limited)("$path: 413 for a chunked body over $body bytes, read no further than the limit", async (route) => {
    const body = chunkedBody(route.body + 1);
    const response = await (await handler(route))(request(route, body.stream), context);
    expect(response.status).toBe(413);
    // The stream may run a chunk or two ahead of the reader, never to the end of a large body.
    expect(body.pulled()).toBeLessThanOrEqual(route.body + 1);
  }, 120_000);

  it.each(limited)("$path: a body within $body bytes is read (no 413, no 500)", async (route) => {
    const body = chunkedBody(Math.min(route.body, 4096));
    const response = await (await handler(route))(request(route, body.stream), context);
    expect(response.status).not.toBe(413);
    expect(response.status).toBeLessThan(500);
  });

  it("a huge chunked body stops being read at the limit", async () => {
    const route = limited.find((r) => r.path === "/locale")!;
    const body = chunkedBody(200 * route.body);
    expect((await (await handler(route))(request(route, body.stream), context)).status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(route.body + 4 * body.size);
  });

  it("an oversized import answers 413 with a translated message and imports nothing", async () => {
    const route = limited.find((r) => r.path === "/api/gov/imports/poor-households")!;
    const { queryRows } = await import("@/lib/db/client");
    const { sql } = await import("drizzle-orm");
    const count = async () => (await queryRows<{ n: number }>(await getDb(), sql`SELECT count(*)::int AS n FROM social_protection_list`))[0]!.n;
    const before = await count();
    const header = "household_head_id,category,members,commune,year\n";
    const row = "048190000002,poor,3,Phường Hải Châu,2026\n";
    const rows = Math.ceil(route.body / row.length) + 1;
    const bytes = new TextEncoder().encode(header + row.repeat(rows));
    for (const lang of ["vi", "en"]) {
      const response = await (await handler(route))(request(route, bytes, { "accept-language": lang }), context);
      expect(response.status).toBe(413);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("payload_too_large");
      expect(body.message).toContain("50 MB");
      expect(body.message).toContain(lang === "vi" ? "Không có gì được lưu" : "Nothing was stored");
    }
    expect(await count()).toBe(before);
  }, 120_000);
});
