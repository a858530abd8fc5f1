/**
 * npm run bench:http — HTTP load benchmark (not part of npm test). The production build on
 * PostgreSQL, a synthetic population with prepared dossiers, citizens signed in (a few through the
 * real VNeID flow, the rest with session cookies minted by the app's secret), then autocannon with 50
 * connections — one per simulated user — against: a static route (the baseline), the emptiest
 * dynamic page (what the framework costs before any of our work), the citizen home, a dossier page,
 * the status JSON and the confirm action (the JSON route that runs the same confirm as the form).
 *
 * Each route is measured twice:
 * - saturated: every user sends the next request the moment the last one answers (no think time),
 *   which gives the most the server can do (req/s) and the queueing latency at that point;
 * - with think time (for twice as long): each of the 50 users waits a random think time (exponential, mean BENCH_THINK_MS,
 *   default 1000 ms: a page a second, faster than anyone reads) after each answer before the next
 *   request — the classic closed model of 50 concurrent users — which gives the latency users see.
 * And on three servers: `next start` (one process, so one core), scripts/serve.mjs with one worker
 * per core, and the balanced cluster of `npm run demo:cluster` (nginx in front of two serve.mjs
 * instances sharing the cores). Prints req/s, p50/p95/p99 latency and errors, the issue's targets, and
 * the balanced cluster beside one serve.mjs.
 *
 * Options (env): BENCH_PEOPLE (200), BENCH_DOSSIERS_EACH (10), BENCH_SECONDS (10), BENCH_CONNECTIONS
 * (50), BENCH_THINK_MS (1000), BENCH_PORT (3981), BENCH_SERVERS ("next-start,cluster,balanced"), BENCH_ONLY
 * (a route name fragment), BENCH_NODE_ARGS (e.g. "--cpu-prof"), BUILD=1 to rebuild first.
 *
 * Then confirm with think time on an idle engine, and while `npm run engine -- scan` prepares a
 * registry of BENCH_ENGINE_LICENCES (1,000,000; 0 skips it) synthetic licences on the same database:
 * p95 side by side (issue 12: within 1.5×; the audit trail no longer takes a lock per write).
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { availableParallelism } from "node:os";
import { spawn } from "node:child_process";
import { dropPostgres, ensureBuild, freshPostgres, leakedLines, mintSessionCookie, seedPopulation, signInOverHttp, startServer } from "../lib/security/http-harness";
import { openDatabase } from "../lib/db/client";
import * as clock from "../lib/clock";
import { generateLicences } from "./synthetic-licences";
import { startCluster } from "./cluster/cluster";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const EACH = Number(process.env.BENCH_DOSSIERS_EACH ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 3981);
const SERVERS = (process.env.BENCH_SERVERS ?? "next-start,cluster,balanced").split(",");
const ONLY = process.env.BENCH_ONLY;
const CORES = availableParallelism();
const ENGINE_LICENCES = Number(process.env.BENCH_ENGINE_LICENCES ?? 1_000_000);
// Prepared dossiers each citizen keeps for the engine comparison, beyond the EACH the other runs use.
const ENGINE_EACH = ENGINE_LICENCES > 0 ? 30 : 0;
// Its own database name: several checkouts may benchmark on one PostgreSQL server.
const DB_NAME = `chudong_bench_${process.pid}`;
const INSTANCES = 2;
const BALANCED = `nginx + ${INSTANCES} × scripts/serve.mjs (${Math.max(1, CORES / INSTANCES)} worker each)`;
const ONE_SERVE = `scripts/serve.mjs, ${CORES} workers`;
const origin = `http://localhost:${PORT}`;

type Sample = { reqPerSec: number; times: number[]; errors: number; non2xx: number };
type Row = { route: string; saturated: Sample; thinking: Sample };
type EngineRow = { idle: Sample; during: Sample; scan: string };
type Call = { path: string; method?: "GET" | "POST"; headers: Record<string, string>; body?: string };

ensureBuild(process.env.BUILD === "1");
const results = new Map<string, Row[]>();
const engineResults = new Map<string, EngineRow>();
const leaks: string[] = [];
try {
  for (const serverKind of SERVERS) {
    // A fresh database and population per server, so every confirm run finds prepared dossiers (the
    // audit tables refuse TRUNCATE, so the old rows cannot be cleared in place).
    const url = await freshPostgres(DB_NAME);
    const { dossiers } = await seedPopulation(url, { people: PEOPLE, licencesEach: EACH + ENGINE_EACH, origin });
    if (ENGINE_LICENCES > 0) {
      const database = await openDatabase({ url });
      await generateLicences(database.db, ENGINE_LICENCES, clock.today());
      await database.close();
    }
    const { server, label } = await startKind(serverKind, url);
    console.log(`\n== ${label}: ${dossiers.length} prepared dossiers for ${PEOPLE} synthetic citizens (PostgreSQL)`);
    try {
      // Each citizen's first EACH dossiers (in code order) for the routes, the rest for the engine comparison.
      const seen = new Map<string, number>();
      const rank = dossiers.map((d) => {
        seen.set(d.owner, (seen.get(d.owner) ?? 0) + 1);
        return seen.get(d.owner)!;
      });
      results.set(label, await measure(dossiers.filter((_, i) => rank[i]! <= EACH)));
      if (ENGINE_LICENCES > 0) engineResults.set(label, await confirmDuringEngine(url, dossiers.filter((_, i) => rank[i]! > EACH)));
    } finally {
      await server.stop();
      leaks.push(...leakedLines(server.logs));
    }
  }
} finally {
  await dropPostgres(DB_NAME).catch(() => {});
}
report();
process.exit(0);

/** Confirm p95 with think time on an idle engine, then while the engine scans the synthetic registry in its own process. */
async function confirmDuringEngine(url: string, dossiers: { code: string; owner: string; version: number }[]): Promise<EngineRow> {
  const cookies = new Map<string, string>();
  for (const owner of new Set(dossiers.map((d) => d.owner))) cookies.set(owner, await mintSessionCookie(origin, owner));
  let next = 0;
  const confirm = (): Call | undefined => {
    const d = dossiers[next++];
    return (
      d && {
        path: `/api/v1/dossiers/${d.code}/actions`,
        method: "POST",
        headers: { origin, cookie: cookies.get(d.owner)!, "content-type": "application/json" },
        body: JSON.stringify({ kind: "confirm", version: d.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }),
      }
    );
  };
  const idle = await closedLoop(confirm);
  await drained();
  const started = Date.now();
  const engine = spawn(process.execPath, ["node_modules/.bin/tsx", "scripts/engine.ts", "scan"], {
    env: { ...process.env, DATABASE_URL: url, APP_ORIGIN: origin, AUDIT_CHECKPOINT_LOG: `.data/bench-checkpoints-${process.pid}.jsonl` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  engine.stdout.on("data", (b) => (output += b));
  const finished = new Promise<void>((resolve, reject) => engine.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`engine scan exited ${code}`)))));
  const during = await closedLoop(confirm, THINK_MS, finished);
  await finished;
  const scan = `${output.trim().replace(/\s+/g, " ")} (${((Date.now() - started) / 1000).toFixed(1)} s wall, ${ENGINE_LICENCES.toLocaleString("en")} licences)`;
  console.log(`measured confirm during the engine scan: ${scan}`);
  return { idle, during, scan };
}


async function startKind(kind: string, databaseUrl: string): Promise<{ server: { stop(): Promise<void>; logs: string[] }; label: string }> {
  if (kind === "balanced") {
    const cluster = await startCluster({
      port: PORT,
      instancePorts: Array.from({ length: INSTANCES }, (_, i) => PORT + 1 + i),
      databaseUrl,
      workersEach: Math.max(1, CORES / INSTANCES),
      quiet: true,
      env: { DEMO_MODE: "true", ENGINE_SCAN_MINUTES: "0" },
    });
    return { server: { stop: cluster.stop, logs: cluster.instances.flatMap((i) => i.logs) }, label: BALANCED };
  }
  const workers = kind === "cluster" ? CORES : undefined;
  const server = await startServer({ port: PORT, databaseUrl, workers, nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) });
  return { server, label: workers ? ONE_SERVE : "next start, 1 process" };
}

async function measure(dossiers: { code: string; owner: string; version: number }[]): Promise<Row[]> {
  const owners = [...new Set(dossiers.map((d) => d.owner))];
  const REAL = Math.min(5, owners.length);
  const cookies = new Map<string, string>();
  const t0 = Date.now();
  for (const [i, owner] of owners.entries()) cookies.set(owner, i < REAL ? await signInOverHttp(origin, owner) : await mintSessionCookie(origin, owner));
  console.log(`signed in ${owners.length} citizens (${REAL} through the real VNeID flow in ${Date.now() - t0} ms, the rest minted)`);

  const byOwner = new Map<string, typeof dossiers>();
  for (const d of dossiers) byOwner.set(d.owner, [...(byOwner.get(d.owner) ?? []), d]);
  // Connection k acts as citizen k: their cookie, their dossiers.
  let connections = 0;
  const userOf = () => owners[connections++ % owners.length]!;

  type Target = { route: string; path: (user: string) => string; cookie: boolean };
  const reads: Target[] = [
    { route: "static baseline (GET /manifest.webmanifest)", path: () => "/manifest.webmanifest", cookie: false },
    { route: "emptiest dynamic page (GET /offline)", path: () => "/offline", cookie: false },
    { route: "citizen home (GET /)", path: () => "/", cookie: true },
    { route: "dossier page (GET /dossiers/{code})", path: (u) => `/dossiers/${byOwner.get(u)![0]!.code}`, cookie: true },
    { route: "status JSON (GET /api/v1/dossiers/{code})", path: (u) => `/api/v1/dossiers/${byOwner.get(u)![0]!.code}`, cookie: true },
  ];
  const withUser = (target: Target) => (req: autocannon.Request, context: object) => {
    const ctx = context as { user?: string };
    ctx.user ??= userOf();
    return { ...req, path: target.path(ctx.user), headers: { ...req.headers, ...(target.cookie ? { cookie: cookies.get(ctx.user)! } : {}) } };
  };

  const rows: Row[] = [];
  for (const target of reads.filter((t) => !ONLY || t.route.includes(ONLY))) {
    const requests = [{ setupRequest: withUser(target) }];
    // Warm up the route (compilation caches, connection pool) before measuring.
    await run({ duration: 2, requests });
    const saturated = await run({ duration: SECONDS, requests });
    await drained();
    const thinking = await closedLoop((k): Call => {
      const user = owners[k % owners.length]!;
      return { path: target.path(user), headers: target.cookie ? { cookie: cookies.get(user)! } : {} };
    });
    rows.push({ route: target.route, saturated, thinking });
    console.log(`measured ${target.route}`);
  }

  const confirmRoute = "confirm (POST /api/v1/dossiers/{code}/actions)";
  if (!ONLY || confirmRoute.includes(ONLY)) {
    // Each request submits a different prepared dossier (a real state change), as its owner.
    const queue = dossiers.slice(PEOPLE); // the first dossier of each citizen stays prepared for the reads above
    const half = Math.floor(queue.length / 2);
    let next = 0;
    const confirmOf = (last: number) => (): Call | undefined => {
      const d = next < last ? queue[next++] : undefined;
      if (!d) return undefined;
      return {
        path: `/api/v1/dossiers/${d.code}/actions`,
        method: "POST",
        headers: { origin, cookie: cookies.get(d.owner)!, "content-type": "application/json" },
        body: JSON.stringify({ kind: "confirm", version: d.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }),
      };
    };
    // Saturated by our own client, with no think time: autocannon rebuilding a POST body per request
    // tops out near 128 req/s here, below what the server does.
    const saturated = await closedLoop(confirmOf(half), 0);
    await drained();
    const thinking = await closedLoop(confirmOf(queue.length));
    rows.push({ route: `${confirmRoute}, ${queue.length} dossiers`, saturated, thinking });
  }
  return rows;
}

function run(opts: Omit<autocannon.Options, "url">): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ connections: CONNECTIONS, timeout: 10, ...opts, url: origin }, (err, r) =>
      // Responses over the run's own length: autocannon's per-second average rounds a run of a set
      // number of requests (the confirms) to whole seconds.
      err ? reject(err) : resolve({ reqPerSec: times.length / r.duration, times, errors: r.errors + r.timeouts, non2xx: r.non2xx }),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}

/** A saturated run ends with a queue of requests the server is still answering; let it finish them. */
function drained() {
  return sleep(3000);
}

/**
 * CONNECTIONS users in a closed loop: each sends `call(k)`, then thinks for an exponential time of
 * mean `thinkMs` (0: none), for 2 × SECONDS or, given `until`, until it settles.
 */
async function closedLoop(call: (user: number) => Call | undefined, thinkMs = THINK_MS, until?: Promise<unknown>): Promise<Sample> {
  // Idle sockets are dropped before the server's own 5 s keep-alive timeout, or a user back from a long
  // think could reuse a socket the server is closing at that moment.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, timeout: 4000 });
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const think = () => (thinkMs > 0 ? sleep(-Math.log(1 - Math.random()) * thinkMs) : Promise.resolve());
  const started = Date.now();
  let end = until ? Infinity : started + 2 * SECONDS * 1000;
  until?.finally(() => (end = 0)).catch(() => {});
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, k) => {
      await sleep(Math.random() * thinkMs); // users arrive spread over the first think time
      while (Date.now() < end) {
        const c = call(k);
        if (!c) return;
        const t = performance.now();
        try {
          const status = await send(agent, c);
          times.push(performance.now() - t);
          if (status < 200 || status >= 300) non2xx++;
        } catch {
          errors++;
        }
        await think();
      }
    }),
  );
  agent.destroy();
  return { reqPerSec: (times.length + errors) / ((Date.now() - started) / 1000), times, errors, non2xx };
}

function send(agent: http.Agent, c: Call): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${c.path}`, { agent, method: c.method ?? "GET", headers: c.headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(c.body);
  });
}

function report() {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const cols = (s: Sample) => `${pad(s.reqPerSec.toFixed(0), 7)}${pad(percentile(s, 50), 8)}${pad(percentile(s, 95), 8)}${pad(percentile(s, 99), 8)}${pad(`${s.errors}/${s.non2xx}`, 7)}`;
  console.log(`\n${CONNECTIONS} users (connections), ${SECONDS} s per run, think time exponential with mean ${THINK_MS} ms; Node ${process.version}, ${CORES} cores shared with the load generator and PostgreSQL`);
  for (const [label, rows] of results) {
    console.log(`\n${label}`);
    console.log(`${"".padEnd(56)}| saturated (no think time)              | ${CONNECTIONS} users, think time ${THINK_MS} ms`);
    console.log(`${"route (latency in ms; errors / non-2xx)".padEnd(56)}|${pad("req/s", 7)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("e/n", 7)} |${pad("req/s", 7)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("e/n", 7)}`);
    for (const r of rows) console.log(`${r.route.slice(0, 55).padEnd(56)}|${cols(r.saturated)} |${cols(r.thinking)}`);
    const find = (prefix: string) => rows.find((r) => r.route.startsWith(prefix));
    const base = find("static");
    if (base) console.log(`ratio to the static baseline (saturated req/s): ${rows.filter((r) => r !== base).map((r) => `${r.route.split(" (")[0]} ${(r.saturated.reqPerSec / base.saturated.reqPerSec).toFixed(2)}×`).join(", ")}`);
    const page = find("dossier page");
    const confirm = find("confirm");
    const status = find("status JSON");
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    const targets: string[] = [];
    if (page) targets.push(`dossier page p95 ≤ 150 ms: saturated ${percentile(page.saturated, 95)} ms ${verdict(percentile(page.saturated, 95) <= 150)}, with think time ${percentile(page.thinking, 95)} ms ${verdict(percentile(page.thinking, 95) <= 150)}`);
    if (confirm) targets.push(`confirm p95 ≤ 300 ms: saturated ${percentile(confirm.saturated, 95)} ms ${verdict(percentile(confirm.saturated, 95) <= 300)}, with think time ${percentile(confirm.thinking, 95)} ms ${verdict(percentile(confirm.thinking, 95) <= 300)}`);
    if (status) targets.push(`status JSON ≥ 1000 req/s: ${status.saturated.reqPerSec.toFixed(0)} ${verdict(status.saturated.reqPerSec >= 1000)}`);
    targets.push(`0 errors: ${verdict(rows.every((r) => r.saturated.errors + r.saturated.non2xx + r.thinking.errors + r.thinking.non2xx === 0))}`);
    console.log(`targets: ${targets.join("; ")}`);
  }
  for (const [label, e] of engineResults) {
    const idle = percentile(e.idle, 95);
    const during = percentile(e.during, 95);
    console.log(`\nconfirm with think time on ${label}, idle engine vs during the engine scan (${e.scan})`);
    console.log(`${"".padEnd(20)}|${pad("confirms", 9)}${pad("req/s", 7)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("e/n", 7)}`);
    for (const [name, s] of [["idle engine", e.idle], ["during engine scan", e.during]] as const) {
      console.log(`${name.padEnd(20)}|${pad(s.times.length, 9)}${pad(s.reqPerSec.toFixed(0), 7)}${pad(percentile(s, 50), 8)}${pad(percentile(s, 95), 8)}${pad(percentile(s, 99), 8)}${pad(`${s.errors}/${s.non2xx}`, 7)}`);
    }
    console.log(`target: confirm p95 during the scan within 1.5× of idle: ${during} ms vs ${idle} ms = ${(during / idle).toFixed(2)}× ${during <= 1.5 * idle ? "met" : "NOT met"}`);
  }
  const one = results.get(ONE_SERVE);
  const balanced = results.get(BALANCED);
  if (one && balanced) {
    console.log(`\nsaturated, side by side: ${ONE_SERVE} | ${BALANCED} (throughput target: balanced ≥ 0.9× one serve, 0 errors)`);
    console.log(`${"route".padEnd(40)}|${pad("req/s", 7)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)} |${pad("req/s", 7)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("e/n", 7)} | ratio`);
    for (const row of one) {
      const other = balanced.find((r) => r.route.split(",")[0] === row.route.split(",")[0]);
      if (!other) continue;
      const a = row.saturated;
      const b = other.saturated;
      const ratio = a.reqPerSec > 0 ? b.reqPerSec / a.reqPerSec : NaN;
      const ok = Number.isFinite(ratio) && ratio >= 0.9 && b.errors + b.non2xx + other.thinking.errors + other.thinking.non2xx === 0;
      console.log(
        `${row.route.split(" (")[0]!.slice(0, 39).padEnd(40)}|${pad(a.reqPerSec.toFixed(0), 7)}${pad(percentile(a, 50), 8)}${pad(percentile(a, 95), 8)}${pad(percentile(a, 99), 8)} |${pad(b.reqPerSec.toFixed(0), 7)}${pad(percentile(b, 50), 8)}${pad(percentile(b, 95), 8)}${pad(percentile(b, 99), 8)}${pad(`${b.errors}/${b.non2xx}`, 7)} | ${ratio.toFixed(2)}× ${ok ? "met" : "NOT met"}`,
      );
    }
  }
  console.log(leaks.length === 0 ? "\nserver logs: no personal id or phone number" : `\nserver logs LEAK: ${leaks.slice(0, 3).join(" | ")}`);
}

/** From every response's own time (autocannon reports p97.5, not p95). */
function percentile(s: { times: number[] }, p: number): number {
  const sorted = [...s.times].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}
