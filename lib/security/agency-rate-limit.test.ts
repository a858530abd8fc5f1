import { beforeAll, describe, expect, it } from "vitest";

// The routes open the process-wide database: a fresh in-memory one.
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { POST: births } = await import("@/app/api/gov/births/route");
const { POST: imports } = await import("@/app/api/gov/imports/[dataset]/route");
const { getDb } = await import("@/lib/db/client");
const { AGENCY_KEY_RATE_LIMIT, seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");

describe("agency API keys over HTTP: 600 requests a minute per key", () => {
  beforeAll(async () => seedDemoAgencyKeys(await getDb()));

  it("answers the request over the budget with 429, Retry-After and a Vietnamese message", async () => {
    const post = () =>
      births(new Request("http://localhost:3000/api/gov/births", { method: "POST", body: "{}", headers: { authorization: "Bearer demo-hospital-key" } }));
    // Stay inside one minute's window: start right after a boundary when close to the next one.
    const msIntoMinute = Date.now() % 60_000;
    if (msIntoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - msIntoMinute + 50));
    const statuses: number[] = [];
    for (let i = 0; i < AGENCY_KEY_RATE_LIMIT.limit; i++) statuses.push((await post()).status);
    expect(new Set(statuses)).toEqual(new Set([400]));
    const limited = await post();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/600 yêu cầu.*giây/) });

    // Another agency's key is not affected.
    const social = await imports(
      new Request("http://localhost:3000/api/gov/imports/poor-households", { method: "POST", body: "", headers: { authorization: "Bearer demo-social-key" } }),
      { params: Promise.resolve({ dataset: "poor-households" }) },
    );
    expect(social.status).not.toBe(429);
  }, 90_000);
});
