/**
 * Production server with one worker process per core. `next start` is a single Node process and so
 * uses one core; on PostgreSQL the workers share the port (node:cluster) and the database, and the
 * scheduled jobs are safe to run in each (leases and ON CONFLICT). PGlite is one process's file, so
 * without DATABASE_URL this serves with a single worker.
 *
 * Env: PORT (3000), HOSTNAME, WEB_CONCURRENCY (default: the number of cores).
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const workers = process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY ?? availableParallelism()) : 1;

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  createServer((req, res) => handle(req, res)).listen(port, hostname, () => {
    console.log(`ready on http://${hostname}:${port} (pid ${process.pid})`);
  });
}
