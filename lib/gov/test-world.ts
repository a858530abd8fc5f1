import { afterAll, beforeAll } from "vitest";
import type { TestDatabase } from "../db/test-databases";
import { seedDemoWorld } from "./demo-world";
import { seedGrowthWorld } from "./demo-growth-world";

/**
 * For a describe block of a test file: a fresh database with the pilot's demo world and the growth
 * world of the 19 proposed services, as of `today`, closed after the block. Read it inside the tests.
 */
export function seededWorld(open: () => Promise<TestDatabase>, today: string): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, today);
    await seedGrowthWorld(t.db, today);
  });
  afterAll(async () => t?.close());
  return () => {
    if (!t) throw new Error("the seeded world is read inside a test, after beforeAll");
    return t;
  };
}
