import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { officers } from "../db/schema";
import { seedDemoWorld } from "../gov/demo-world";
import { endAllSessionsOf, liveStaff, STAFF_RECHECK_MS } from "./staff-access";
import * as clock from "../clock";

describe.each(await testDatabaseKinds())("staff rights come from the officers table on $name", ({ open }) => {
  let t: TestDatabase;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, "2026-11-23");
    // Each database kind is a new world: forget what this process read of the previous one.
    (globalThis as unknown as { chuDongStaffAccounts?: Map<string, unknown> }).chuDongStaffAccounts?.clear();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  /** Moves the one clock forward, as a minute passing would. */
  const later = (ms: number) => {
    const at = new Date(Date.now() + ms);
    vi.spyOn(clock, "now").mockReturnValue(at);
  };

  it("gives a live officer their agency and role", async () => {
    expect(await liveStaff(t.db, { sub: "staff:yte", agency: "yte", authTime: nowSeconds() })).toMatchObject({ username: "yte", agency: "yte", role: "officer" });
    expect(await liveStaff(t.db, { sub: "staff:ioc", agency: "ioc", authTime: nowSeconds() })).toMatchObject({ role: "ioc" });
    expect(await liveStaff(t.db, { sub: "048090000001", agency: "yte", authTime: nowSeconds() })).toBeUndefined();
  });

  it("a removed officer loses access within a minute", async () => {
    const claims = { sub: "staff:dulich", agency: "dulich", authTime: nowSeconds() };
    expect(await liveStaff(t.db, claims)).toBeDefined();
    await t.db.delete(officers).where(eq(officers.username, "dulich"));
    later(STAFF_RECHECK_MS);
    expect(STAFF_RECHECK_MS).toBeLessThanOrEqual(60_000);
    expect(await liveStaff(t.db, claims)).toBeUndefined();
    vi.restoreAllMocks();
  });

  it("an officer moved to another agency loses the old agency within a minute", async () => {
    const claims = { sub: "staff:thuy", agency: "thuy", authTime: nowSeconds() };
    expect(await liveStaff(t.db, claims)).toBeDefined();
    await t.db.update(officers).set({ agency: "yte" }).where(eq(officers.username, "thuy"));
    later(STAFF_RECHECK_MS);
    expect(await liveStaff(t.db, claims)).toBeUndefined();
    vi.restoreAllMocks();
  });

  it("an administrator ends all of a staff member's sessions at once; a later sign-in works", async () => {
    const before = { sub: "staff:vantai", agency: "vantai", authTime: nowSeconds() - 120 };
    expect(await liveStaff(t.db, before)).toBeDefined();
    expect(await endAllSessionsOf(t.db, "vantai")).toBe(true);
    expect(await liveStaff(t.db, before)).toBeUndefined();
    const signedInAgain = nowSeconds() + 2;
    expect(await liveStaff(t.db, { ...before, authTime: signedInAgain })).toBeDefined();
    expect(await endAllSessionsOf(t.db, "nobody")).toBe(false);
  });
});
