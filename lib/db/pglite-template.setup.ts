import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "./client";

/**
 * Vitest global set-up: migrates one in-memory PGlite and dumps its data directory, so each test
 * file's database loads it instead of running initdb and every migration again (about 2 s each).
 */
export default async function setup() {
  const database = await openDatabase({ dir: "memory://" });
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  await database.close();
  const file = path.join(process.cwd(), ".data", `test-template-${process.pid}.tar`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.PGLITE_TEST_TEMPLATE = file;
  return () => rmSync(file, { force: true });
}
