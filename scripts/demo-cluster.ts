/**
 * npm run demo:cluster — the demo behind a real load balancer: nginx on :3000 in front of two
 * `npm run serve` instances (:3001, :3002) on one PostgreSQL, in a database of its own seeded like the
 * demo. Ctrl-C stops nginx gracefully, then the instances.
 *
 * Env: CLUSTER_PORT (3000), CLUSTER_INSTANCE_PORTS ("3001,3002"), CLUSTER_DATABASE (chudong_cluster),
 * WEB_CONCURRENCY per instance (the cores shared out between the instances), TEST_POSTGRES_URL (the
 * admin connection, postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { freshPostgres } from "../lib/security/http-harness";
import { startCluster } from "./cluster/cluster";

const options = z
  .object({
    CLUSTER_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    CLUSTER_INSTANCE_PORTS: z
      .string()
      .default("3001,3002")
      .transform((s) => s.split(",").map(Number))
      .pipe(z.array(z.number().int().min(1).max(65535)).min(1)),
    CLUSTER_DATABASE: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("chudong_cluster"),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  })
  .parse(process.env);

const origin = `http://localhost:${options.CLUSTER_PORT}`;
const url = await freshPostgres(options.CLUSTER_DATABASE);
const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, APP_ORIGIN: origin } });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const workersEach = options.WEB_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / options.CLUSTER_INSTANCE_PORTS.length));
const cluster = await startCluster({ port: options.CLUSTER_PORT, instancePorts: options.CLUSTER_INSTANCE_PORTS, databaseUrl: url, workersEach });
console.log(`\nChủ Động behind nginx on ${origin}: ${options.CLUSTER_INSTANCE_PORTS.length} instances (${options.CLUSTER_INSTANCE_PORTS.join(", ")}), ${workersEach} worker(s) each, database ${options.CLUSTER_DATABASE}. Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
