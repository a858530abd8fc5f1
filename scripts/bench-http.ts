/**
 * npm run bench:http — HTTP load benchmark (not part of npm test). `next start` on PostgreSQL, a
 * synthetic population with prepared dossiers, citizens signed in (a few through the real VNeID flow,
 * the rest with session cookies minted by the app's secret), then autocannon at 50 connections —
 * one per simulated user — against: a static route (the baseline), the citizen home, a dossier page,
 * the status JSON and the confirm action (the JSON route that runs the same confirm as the form).
 * Prints req/s, p50/p95/p99 latency and errors, and the targets.
 *
 * Options (env): BENCH_PEOPLE (default 200), BENCH_DOSSIERS_EACH (5), BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (50), BENCH_PORT (3981), BUILD=1 to rebuild first.
 */
import autocannon, { type Result } from "autocannon";
import { randomUUID } from "node:crypto";
import { dropPostgres, ensureBuild, freshPostgres, leakedLines, mintSessionCookie, seedPopulation, signInOverHttp, startServer } from "../lib/security/http-harness";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const EACH = Number(process.env.BENCH_DOSSIERS_EACH ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3981);
const ONLY = process.env.BENCH_ONLY;
const DB_NAME = "chudong_bench";
const origin = `http://localhost:${PORT}`;

ensureBuild(process.env.BUILD === "1");
const url = await freshPostgres(DB_NAME);
try {
  const { dossiers } = await seedPopulation(url, { people: PEOPLE, licencesEach: EACH, origin });
  console.log(`seeded ${dossiers.length} prepared dossiers for ${PEOPLE} synthetic citizens (PostgreSQL)`);
  const server = await startServer({ port: PORT, databaseUrl: url, nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) });

  const owners = [...new Set(dossiers.map((d) => d.owner))];
  const REAL = Math.min(5, owners.length);
  const cookies = new Map<string, string>();
  const t0 = Date.now();
  for (const [i, owner] of owners.entries()) cookies.set(owner, i < REAL ? await signInOverHttp(origin, owner) : await mintSessionCookie(origin, owner));
  console.log(`signed in ${owners.length} citizens (${REAL} through the real VNeID flow in ${Date.now() - t0} ms, the rest minted)`);

  const byOwner = new Map<string, typeof dossiers>();
  for (const d of dossiers) byOwner.set(d.owner, [...(byOwner.get(d.owner) ?? []), d]);
  // Connection k acts as citizen k: their cookie, their dossiers.
  const userOf = (k: number) => owners[k % owners.length]!;
  let connections = 0;

  type Target = { name: string; path: (user: string) => string; cookie: boolean };
  const reads: Target[] = [
    { name: "static baseline (GET /manifest.webmanifest)", path: () => "/manifest.webmanifest", cookie: false },
    { name: "citizen home (GET /)", path: () => "/", cookie: true },
    { name: "dossier page (GET /dossiers/{code})", path: (u) => `/dossiers/${byOwner.get(u)![0]!.code}`, cookie: true },
    { name: "status JSON (GET /api/v1/dossiers/{code})", path: (u) => `/api/v1/dossiers/${byOwner.get(u)![0]!.code}`, cookie: true },
  ];

  type Run = Result & { times: number[] };
  const run = (opts: Omit<autocannon.Options, "url">) =>
    new Promise<Run>((resolve, reject) => {
      const times: number[] = [];
      const instance = autocannon({ connections: CONNECTIONS, timeout: 10, ...opts, url: origin }, (err, result) => (err ? reject(err) : resolve({ ...result, times })));
      instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
    });

  const rows: { name: string; r: Run }[] = [];
  for (const target of reads.filter((t) => !ONLY || t.name.includes(ONLY))) {
    // Warm up the route (compilation caches, connection pool) before measuring.
    await run({ duration: 2, requests: [{ setupRequest: (req, ctx) => withUser(req, ctx, target) }] });
    const r = await run({ duration: SECONDS, requests: [{ setupRequest: (req, ctx) => withUser(req, ctx, target) }] });
    rows.push({ name: target.name, r });
  }

  // Confirm: each request submits a different prepared dossier (a real state change), as its owner.
  const queue = dossiers.slice(PEOPLE); // the first dossier of each citizen stays prepared for the reads above
  let next = 0;
  const confirm = await run({
    amount: queue.length,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const d = queue[next++ % queue.length]!;
          return {
            ...req,
            path: `/api/v1/dossiers/${d.code}/actions`,
            headers: { ...req.headers, origin, cookie: cookies.get(d.owner)!, "content-type": "application/json" },
            body: JSON.stringify({ kind: "confirm", version: d.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }),
          };
        },
      },
    ],
  });
  rows.push({ name: `confirm (POST /api/v1/dossiers/{code}/actions, ${queue.length} dossiers)`, r: confirm });
  await server.stop();

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`\n${CONNECTIONS} concurrent users, ${SECONDS} s per read route, Node ${process.version}, ${(await import("node:os")).cpus().length} cores`);
  console.log(`${"route".padEnd(62)}${pad("req/s", 9)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}${pad("non-2xx", 9)}`);
  for (const { name, r } of rows) {
    const p95 = percentile(r, 95);
    console.log(`${name.padEnd(62)}${pad(r.requests.average.toFixed(0), 9)}${pad(percentile(r, 50), 9)}${pad(p95, 9)}${pad(percentile(r, 99), 9)}${pad(r.errors + r.timeouts, 8)}${pad(r.non2xx, 9)}`);
  }
  const base = rows[0]!.r.requests.average;
  console.log(`\nratio to the static baseline: ${rows.slice(1).map(({ name, r }) => `${name.split(" (")[0]} ${(r.requests.average / base).toFixed(2)}×`).join(", ")}`);
  const dossierPage = rows[2]!.r;
  const status = rows[3]!.r;
  console.log(
    `targets: dossier page p95 ≤ 150 ms: ${percentile(dossierPage, 95)} ms ${percentile(dossierPage, 95) <= 150 ? "met" : "NOT met"}; ` +
      `confirm p95 ≤ 300 ms: ${percentile(confirm, 95)} ms ${percentile(confirm, 95) <= 300 ? "met" : "NOT met"}; ` +
      `0 errors: ${rows.every(({ r }) => r.errors + r.timeouts + r.non2xx === 0) ? "met" : "NOT met"}; ` +
      `status JSON ≥ 1000 req/s: ${status.requests.average.toFixed(0)} ${status.requests.average >= 1000 ? "met" : "NOT met"}`,
  );
  const leaks = leakedLines(server.logs);
  console.log(leaks.length === 0 ? "server logs: no personal id or phone number" : `server logs LEAK: ${leaks.slice(0, 3).join(" | ")}`);

  function withUser(req: autocannon.Request, context: object, target: Target) {
    const ctx = context as { user?: string };
    ctx.user ??= userOf(connections++);
    const user = ctx.user;
    return { ...req, path: target.path(user), headers: { ...req.headers, ...(target.cookie ? { cookie: cookies.get(user)! } : {}) } };
  }
} finally {
  await dropPostgres(DB_NAME).catch(() => {});
}

/** From every response's own time (autocannon reports p97.5, not p95). */
function percentile(r: { times: number[] }, p: number): number {
  const sorted = [...r.times].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}
