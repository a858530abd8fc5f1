import { openDatabase } from "../lib/db/client";
import { PGlite } from "@electric-sql/pglite";
async function main() {
  const t0 = performance.now();
  await openDatabase({ dir: "memory://" });
  const t1 = performance.now();
  const c = await PGlite.create("memory://");
  const t2 = performance.now();
  console.log("pglite create+migrate ms", Math.round(t1 - t0), "bare create ms", Math.round(t2 - t1));
  const blob = await c.dumpDataDir("none");
  const t3 = performance.now();
  await PGlite.create({ loadDataDir: blob });
  console.log("dump ms", Math.round(t3 - t2), "load ms", Math.round(performance.now() - t3), "size", blob.size);
}
main();
