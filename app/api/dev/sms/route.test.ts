import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test loads the route afresh, so env() reads the variables stubbed for it.
async function loadRoute(demoMode: "true" | "false" | undefined) {
  vi.stubEnv("DEMO_MODE", demoMode);
  vi.stubEnv("DATABASE_URL", undefined);
  vi.stubEnv("PGLITE_DIR", "memory://");
  vi.stubEnv("SMS_GATEWAY", undefined);
  return import("./route");
}

const get = (route: { GET: (r: Request) => Promise<Response> }, query: string) => route.GET(new Request(`http://localhost:3000/api/dev/sms${query}`));

describe("GET /api/dev/sms", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    const { database } = await import("@/lib/db/client");
    await (await database()).close();
  });

  it("does not exist outside demo mode, which is off unless DEMO_MODE says true", async () => {
    for (const mode of ["false", undefined] as const) {
      vi.resetModules();
      const response = await get(await loadRoute(mode), "?phone=0905000001");
      expect(response.status, String(mode)).toBe(404);
    }
  });

  it.each(["", "?phone=", "?phone=12345", "?phone=0105000001", "?phone=0905000001x", "?phone=%00"])("answers 400 with a clear error for %j", async (query) => {
    const response = await get(await loadRoute("true"), query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: "invalid_phone", message: expect.stringMatching(/phone/), fieldErrors: { phone: expect.any(Array) } });
  });

  it("delivers what is due through the simulator, then lists the phone's messages newest first", async () => {
    const route = await loadRoute("true");
    const { getDb } = await import("@/lib/db/client");
    const { seedDemoWorld } = await import("@/lib/gov/demo-world");
    const { scan } = await import("@/lib/engine/scan");
    const db = await getDb();
    await seedDemoWorld(db, "2026-11-23");
    await scan(db, { today: "2026-11-23", origin: "http://localhost:3000" });

    const response = await get(route, "?phone=0905%20000%20001");
    expect(response.status).toBe(200);
    const { messages } = await response.json();
    expect(messages).toEqual([
      {
        id: expect.any(Number),
        body: expect.stringMatching(/^DVC Da Nang: Chuc mung anh An! .* http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{22} /),
        status: "sent",
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
    expect((await (await get(route, "?phone=0905000009")).json()).messages).toEqual([]);
  });
});
