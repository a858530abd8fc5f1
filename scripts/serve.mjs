/**
 * Production server with one worker process per core: `next start` is one Node process, so one core.
 * Only on PostgreSQL (DATABASE_URL): PGlite is one process's file. The scheduled jobs are safe to run
 * in every worker (leases, ON CONFLICT).
 *
 * Env: PORT (3000), HOST (0.0.0.0; the client address is the socket's peer unless TRUST_PROXY_HOPS says
 * how many proxies' X-Forwarded-For entries to believe), WEB_CONCURRENCY (the number of cores), PG_POOL_MAX (per worker;
 * by default 40 connections shared out between the workers).
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { z } from "zod";

const options = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
    DATABASE_URL: z.string().optional(),
  })
  .parse(process.env);
const workers = options.DATABASE_URL ? options.WEB_CONCURRENCY : 1;
const SHUTDOWN_GRACE_MS = 10_000;

if (cluster.isPrimary && workers > 1) {
  process.env.PG_POOL_MAX ??= String(Math.max(2, Math.floor(40 / workers)));
  runPrimary();
} else {
  await runWorker();
}

function runPrimary() {
  let stopping = false;
  let quickDeaths = 0;
  const fork = () => Object.assign(cluster.fork(), { startedAt: Date.now() });
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // Refused settings (instrumentation.ts exits 78): every worker would refuse them again.
    if (code === 78) {
      console.error("the app refused its settings; stopping");
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 78;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(78);
      return;
    }
    // A worker that dies at start (database down, bad config) would die again at once: back off, then give up.
    quickDeaths = Date.now() - worker.startedAt < 30_000 ? quickDeaths + 1 : 0;
    if (quickDeaths > 5) {
      console.error("workers keep dying at start; stopping");
      process.exit(1);
    }
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, 500 * 2 ** quickDeaths);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function runWorker() {
  const app = next({ dev: false, hostname: options.HOST, port: options.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => handle(req, res)).listen(options.PORT, options.HOST, () => {
    console.log(`ready on http://${options.HOST}:${options.PORT} (pid ${process.pid})`);
  });
  // Finish the requests in flight, then leave.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
