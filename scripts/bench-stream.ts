/**
 * npm run bench:stream — the cost of pushed status against polling, on one instance (`next start`,
 * one process) on PostgreSQL: 2,000 open server-sent-event streams (BENCH_STREAMS), then the same
 * number of pages polling the status JSON every 20 s (BENCH_POLL_MS). Prints the server's memory (RSS)
 * and CPU for each phase, and how long a confirm's status takes to reach the streams of its owner.
 *
 * Options (env): BENCH_STREAMS (2000), BENCH_PEOPLE (200), BENCH_SECONDS (40), BENCH_POLL_MS (20000),
 * BENCH_PORT (3982). CPU is the server's process tree only; the load generator runs on the same cores.
 */
import http from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { dropPostgres, ensureBuild, freshPostgres, mintSessionCookie, seedPopulation, startServer } from "../lib/security/http-harness";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 40);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3982);
const DB_NAME = "chudong_bench_stream";
const origin = `http://localhost:${PORT}`;
const TICK = 100; // USER_HZ on Linux

type Usage = { cpuSeconds: number; rssMb: number };

/** CPU seconds and resident memory of a process and its descendants, from /proc. */
function usage(root: number): Usage {
  const procs = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const stats = new Map<number, string[]>();
  for (const p of procs) {
    try {
      const text = readFileSync(`/proc/${p}/stat`, "utf8");
      stats.set(Number(p), text.slice(text.lastIndexOf(")") + 2).split(" "));
    } catch {
      // gone
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, f] of stats) {
      if (tree.has(pid) || !tree.has(Number(f[1]))) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let ticks = 0;
  let rssPages = 0;
  for (const pid of tree) {
    const f = stats.get(pid);
    if (!f) continue;
    ticks += Number(f[11]) + Number(f[12]);
    rssPages += Number(f[21]);
  }
  return { cpuSeconds: ticks / TICK, rssMb: (rssPages * 4096) / 1024 / 1024 };
}

async function phase(name: string, pid: number, seconds: number): Promise<string> {
  const a = usage(pid);
  const t = performance.now();
  await sleep(seconds * 1000);
  const b = usage(pid);
  const wall = (performance.now() - t) / 1000;
  return `${name.padEnd(44)}| RSS ${b.rssMb.toFixed(0).padStart(5)} MB | CPU ${((100 * (b.cpuSeconds - a.cpuSeconds)) / wall).toFixed(1).padStart(5)} % of one core`;
}

ensureBuild();
const url = await freshPostgres(DB_NAME);
const lines: string[] = [];
try {
  const { dossiers } = await seedPopulation(url, { people: PEOPLE, licencesEach: 1, origin });
  const server = await startServer({ port: PORT, databaseUrl: url });
  const pid = server.process.pid!;
  try {
    const cookies = new Map<string, string>();
    for (const d of dossiers) cookies.set(d.owner, await mintSessionCookie(origin, d.owner));
    await sleep(2000);
    lines.push(await phase("idle, nothing open", pid, 10));

    // Phase 1: streams, STREAMS / PEOPLE per citizen (tabs and devices).
    const received = new Map<string, number[]>(); // dossier code → arrival times (ms)
    const sockets: http.ClientRequest[] = [];
    let opened = 0;
    let failed = 0;
    const owners = dossiers.map((d) => d.owner);
    await Promise.all(
      Array.from({ length: STREAMS }, (_, i) =>
        new Promise<void>((resolve) => {
          const req = http.get(`${origin}/api/v1/dossiers/stream`, { agent: false, headers: { cookie: cookies.get(owners[i % owners.length]!)!, accept: "text/event-stream" } }, (res) => {
            if (res.statusCode !== 200) {
              failed++;
              res.resume();
              return resolve();
            }
            opened++;
            resolve();
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              for (const m of chunk.matchAll(/event: status\ndata: (.*)\n/g)) {
                const code = (JSON.parse(m[1]!) as { code: string }).code;
                received.set(code, [...(received.get(code) ?? []), performance.now()]);
              }
            });
          });
          req.on("error", () => (failed++, resolve()));
          sockets.push(req);
        }),
      ),
    );
    lines.push(`opened ${opened} streams (${failed} refused) for ${owners.length} citizens`);
    lines.push(await phase(`${opened} streams open, idle`, pid, SECONDS / 2));

    // Confirms during the next phase: each is NOTIFYed and pushed to its owner's streams.
    const confirms = dossiers.slice(0, 20);
    const sent = new Map<string, number>();
    const confirming = (async () => {
      for (const d of confirms) {
        const body = JSON.stringify({ kind: "confirm", version: d.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true });
        const r = await fetch(`${origin}/api/v1/dossiers/${d.code}/actions`, { method: "POST", headers: { origin, cookie: cookies.get(d.owner)!, "content-type": "application/json" }, body });
        sent.set(d.code, performance.now());
        if (!r.ok) lines.push(`confirm ${d.code}: ${r.status}`);
        await sleep(500);
      }
    })();
    lines.push(await phase(`${opened} streams open, 20 confirms pushed`, pid, SECONDS / 2));
    await confirming;
    const perOwner = STREAMS / owners.length;
    const delays = confirms.flatMap((d) => (received.get(d.code) ?? []).map((at) => at - sent.get(d.code)!)).sort((a, b) => a - b);
    const pct = (p: number) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)]?.toFixed(0);
    lines.push(
      `pushed: ${delays.length} of ${confirms.length * perOwner} expected events; arrival after the confirm's answer p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms`,
    );
    for (const s of sockets) s.destroy();
    await sleep(3000);

    // Phase 2: the same pages polling every POLL_MS instead, spread evenly.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
    let polls = 0;
    let pollErrors = 0;
    const pollTimes: number[] = [];
    let stop = false;
    const pollers = Array.from({ length: STREAMS }, async (_, i) => {
      const d = dossiers[i % dossiers.length]!;
      await sleep((i / STREAMS) * POLL_MS);
      while (!stop) {
        const t = performance.now();
        await new Promise<void>((resolve) => {
          const req = http.get(`${origin}/api/v1/dossiers/${d.code}`, { agent, headers: { cookie: cookies.get(d.owner)! } }, (res) => {
            res.resume();
            res.on("end", () => {
              polls++;
              pollTimes.push(performance.now() - t);
              if (res.statusCode !== 200) pollErrors++;
              resolve();
            });
          });
          req.on("error", () => (pollErrors++, resolve()));
        });
        await sleep(POLL_MS);
      }
    });
    await sleep(POLL_MS); // every poller has started
    lines.push(await phase(`${STREAMS} pages polling every ${POLL_MS / 1000} s`, pid, SECONDS));
    stop = true;
    await Promise.race([Promise.all(pollers), sleep(POLL_MS + 5000)]);
    agent.destroy();
    pollTimes.sort((a, b) => a - b);
    lines.push(`polled ${polls} times (${(STREAMS / (POLL_MS / 1000)).toFixed(0)} req/s expected), ${pollErrors} errors; p50 ${pollTimes[Math.floor(pollTimes.length / 2)]?.toFixed(0)} ms; a status reaches a polling page after ${POLL_MS / 2000} s on average`);
  } finally {
    await server.stop();
  }
} finally {
  await dropPostgres(DB_NAME).catch(() => {});
}
console.log(`\nbench:stream — next start (one process) on PostgreSQL, Node ${process.version}; cores shared with the load generator and PostgreSQL\n${lines.join("\n")}`);
