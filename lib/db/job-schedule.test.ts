import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimRun } from "./job-schedule";
import { openDatabase, type Database } from "./client";
import { testDatabaseKinds, type TestDatabase } from "./test-databases";

const T0 = new Date("2026-11-23T02:00:00Z");
const PERIOD = 15 * 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(await testDatabaseKinds())("shared job schedule on $name", ({ name, open }) => {
  let t: TestDatabase;
  let other: Database | undefined;
  beforeAll(async () => {
    t = await open();
    // A second instance: its own pool on the same database (PostgreSQL only; PGlite is one process).
    if (t.url) other = await openDatabase({ url: t.url });
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("runs once per period, whoever asks", async () => {
    const job = (holder: string) => ({ name: `scan-${name}`, periodMs: PERIOD, holder });
    expect(await claimRun(t.db, job("a"), T0)).toBe(true);
    expect(await claimRun(t.db, job("b"), at(1000))).toBe(false);
    expect(await claimRun(t.db, job("b"), at(PERIOD - 1))).toBe(false);
    expect(await claimRun(t.db, job("b"), at(PERIOD))).toBe(true);
    expect(await claimRun(t.db, job("a"), at(PERIOD + 1))).toBe(false);
  });

  it("gives a period to exactly one of many instances asking at once", async () => {
    const dbs = other ? [t.db, other.db] : [t.db];
    const job = { name: `race-${name}`, periodMs: PERIOD, holder: "x" };
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => claimRun(dbs[i % dbs.length]!, job, T0)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});
