import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { agencyApiKeys } from "../db/schema";
import { authenticateAgency, demoAgencyKeys, generateAgencyKey, mayPush, seedDemoAgencyKeys } from "./api-keys";

describe.each(await testDatabaseKinds())("agency API keys on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoAgencyKeys(t.db);
    await seedDemoAgencyKeys(t.db); // the demo seed may run again
  });
  afterAll(async () => t?.close());

  it("stores one hashed row per demo key", async () => {
    const rows = await t.db.select().from(agencyApiKeys);
    expect(rows).toHaveLength(Object.keys(demoAgencyKeys).length);
    expect(rows.map((r) => r.agency)).toContain("onestop");
    expect(rows.map((r) => r.keyHash).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it("knows the agency behind a demo key in demo mode only", async () => {
    const header = `Bearer ${demoAgencyKeys.hospital}`;
    await expect(authenticateAgency(t.db, header, { demoMode: true })).resolves.toEqual({ agency: "hospital" });
    await expect(authenticateAgency(t.db, `bearer   ${demoAgencyKeys["social-protection"]}`, { demoMode: true })).resolves.toEqual({
      agency: "social-protection",
    });
    await expect(authenticateAgency(t.db, header, { demoMode: false })).resolves.toBeUndefined();
    // DEMO_MODE unset is demo mode off: the published keys open nothing.
    if (process.env.DEMO_MODE === undefined) await expect(authenticateAgency(t.db, header)).resolves.toBeUndefined();
  });

  it("accepts a generated key anywhere, stores only its hash, and stops at revocation", async () => {
    const key = await generateAgencyKey(t.db, "transport", "Sở Xây dựng — hệ thống phù hiệu");
    expect(key).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.db.select().from(agencyApiKeys).where(eq(agencyApiKeys.label, "Sở Xây dựng — hệ thống phù hiệu"));
    expect(JSON.stringify(stored)).not.toContain(key.slice(4));
    await expect(authenticateAgency(t.db, `Bearer ${key}`, { demoMode: false })).resolves.toEqual({ agency: "transport" });
    await t.db.update(agencyApiKeys).set({ revokedAt: sql`now()` }).where(eq(agencyApiKeys.id, stored!.id));
    await expect(authenticateAgency(t.db, `Bearer ${key}`, { demoMode: false })).resolves.toBeUndefined();
  });

  it("refuses missing, malformed and unknown credentials", async () => {
    for (const header of [null, undefined, "", "Bearer", `Basic ${demoAgencyKeys.hospital}`, "Bearer not-a-key-we-know", demoAgencyKeys.hospital]) {
      await expect(authenticateAgency(t.db, header, { demoMode: true })).resolves.toBeUndefined();
    }
  });
});

describe("what each agency may push", () => {
  it("lets each agency push its own dataset only", () => {
    expect(mayPush("hospital", "birth-notices")).toBe(true);
    expect(mayPush("hospital", "poor-households")).toBe(false);
    expect(mayPush("social-protection", "poor-households")).toBe(true);
    expect(mayPush("health", "medical-licences")).toBe(true);
    expect(mayPush("tourism", "tour-guide-cards")).toBe(true);
    expect(mayPush("veterinary", "veterinary-certs")).toBe(true);
    expect(mayPush("transport", "transport-badges")).toBe(true);
    expect(mayPush("transport", "medical-licences")).toBe(false);
  });
});
