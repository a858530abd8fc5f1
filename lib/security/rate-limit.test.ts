import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { admitAgency, demoAgencyKeys, generateAgencyKey, seedDemoAgencyKeys } from "../gov/api-keys";
import { hitRateLimit } from "./rate-limit";
import { isSessionRevoked, revokeSession } from "./session-revocation";

describe.each(await testDatabaseKinds())("database-backed rate limits and session revocation on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoAgencyKeys(t.db);
  });
  afterAll(async () => t?.close());

  it("allows `limit` hits per window, then answers with the seconds left in the window", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 8, 0, s));
    for (let i = 0; i < 3; i++) expect(await hitRateLimit(t.db, "test:a", rule, at(10 + i))).toMatchObject({ allowed: true, remaining: 2 - i });
    expect(await hitRateLimit(t.db, "test:a", rule, at(15))).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await hitRateLimit(t.db, "test:b", rule, at(15))).toMatchObject({ allowed: true });
    expect(await hitRateLimit(t.db, "test:a", rule, new Date(at(0).getTime() + 60_000))).toMatchObject({ allowed: true });
  });

  it("counts concurrent hits exactly: no more than the limit get through", async () => {
    const rule = { limit: 10, windowSeconds: 60 };
    const now = new Date();
    const decisions = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(t.db, "test:concurrent", rule, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it("limits each agency key on its own, after authentication", async () => {
    const rule = { limit: 5, windowSeconds: 60 };
    const now = new Date();
    const header = `Bearer ${demoAgencyKeys.hospital}`;
    for (let i = 0; i < 5; i++) expect(await admitAgency(t.db, header, { demoMode: true, rateLimit: rule, now })).toEqual({ ok: true, agency: "hospital" });
    expect(await admitAgency(t.db, header, { demoMode: true, rateLimit: rule, now })).toMatchObject({ ok: false, status: 429, limit: 5 });
    const other = await generateAgencyKey(t.db, "hospital", "second hospital system");
    expect(await admitAgency(t.db, `Bearer ${other}`, { demoMode: true, rateLimit: rule, now })).toEqual({ ok: true, agency: "hospital" });
    // A wrong key is a 401, and costs the real key nothing.
    expect(await admitAgency(t.db, "Bearer not-a-key-we-know", { demoMode: true, rateLimit: rule, now })).toEqual({ ok: false, status: 401 });
  });

  it("keeps a signed-out session id on the revocation list", async () => {
    const sid = "7f3e2d1c-0b9a-4876-9543-210fedcba987";
    expect(await isSessionRevoked(t.db, sid)).toBe(false);
    await revokeSession(t.db, sid, Math.floor(Date.now() / 1000));
    await revokeSession(t.db, sid); // signing out twice is harmless
    expect(await isSessionRevoked(t.db, sid)).toBe(true);
    expect(await isSessionRevoked(t.db, "another-session-id-0000")).toBe(false);
  });
});
