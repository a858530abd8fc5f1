/**
 * nginx in front of N `npm run serve` instances on one PostgreSQL: used by `npm run demo:cluster`,
 * the cluster Playwright spec and `npm run bench:http`. Instances can be killed and started again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nginxConf } from "./nginx-conf";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export interface Instance {
  port: number;
  logs: string[];
  process(): ChildProcess | undefined;
  start(): Promise<void>;
  /** kill -9, as a crash: no graceful shutdown. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  origin: string;
  instances: Instance[];
  logs: string[];
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** The balancer's port; the app's public origin is http://localhost:<port>. */
  port: number;
  instancePorts: number[];
  databaseUrl: string;
  /** Worker processes per instance (scripts/serve.mjs's WEB_CONCURRENCY). */
  workersEach: number;
  env?: Record<string, string>;
  quiet?: boolean;
  /** Tests: each answer names the instance(s) nginx tried, in X-Upstream. */
  exposeUpstream?: boolean;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const origin = `http://localhost:${opts.port}`;
  const instances = opts.instancePorts.map((port) => instance(port, opts, origin));
  await Promise.all(instances.map((i) => i.start()));
  const dir = mkdtempSync(path.join(tmpdir(), "chu-dong-nginx-"));
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, nginxConf({ dir, listen: String(opts.port), upstreams: opts.instancePorts.map((p) => `127.0.0.1:${p}`), exposeUpstream: opts.exposeUpstream }));
  const logs: string[] = [];
  const nginx = spawn(NGINX, ["-p", dir, "-c", conf, "-e", "stderr"], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  nginx.stdout!.on("data", (d) => logs.push(String(d)));
  nginx.stderr!.on("data", (d) => {
    logs.push(String(d));
    if (!opts.quiet) process.stderr.write(`[nginx] ${d}`);
  });
  await waitFor(`${origin}/api/health`, () => nginx.exitCode, () => logs.join(""));
  // Detached children outlive us otherwise, if we die without calling stop().
  process.once("exit", () => {
    for (const c of [nginx, ...instances.map((i) => i.process())]) if (c && c.exitCode === null) c.kill("SIGKILL");
  });
  const stop = async () => {
    // SIGQUIT: nginx's graceful shutdown (finishes the requests in flight).
    await ended(nginx, "SIGQUIT");
    await Promise.all(instances.map((i) => i.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  return { origin, instances, logs, stop };
}

function instance(port: number, opts: ClusterOptions, origin: string): Instance {
  let child: ChildProcess | undefined;
  const logs: string[] = [];
  return {
    port,
    logs,
    process: () => child,
    async start() {
      child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs")], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: opts.databaseUrl,
          APP_ORIGIN: origin,
          // Next builds each request's URL on the instance's own port; Auth.js must build its callback
          // URLs on the balancer's, the one the browser and VNeID see.
          AUTH_URL: `${origin}/api/auth`,
          PORT: String(port),
          HOST: "127.0.0.1",
          WEB_CONCURRENCY: String(opts.workersEach),
          ...opts.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group: Ctrl-C reaches only the orchestrator, which stops nginx first, then the instances.
        detached: true,
      });
      const c = child;
      const keep = (d: Buffer) => {
        logs.push(String(d));
        if (!opts.quiet) process.stdout.write(`[:${port}] ${d}`);
      };
      c.stdout!.on("data", keep);
      c.stderr!.on("data", keep);
      await waitFor(`http://127.0.0.1:${port}/api/health`, () => c.exitCode, () => logs.join(""));
    },
    async crash() {
      if (child) await ended(child, "SIGKILL");
    },
    async stop() {
      if (child) await ended(child, "SIGTERM");
    },
  };
}

async function ended(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited;
  }
}

async function waitFor(url: string, exitCode: () => number | null, logs: () => string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exitCode() !== null) throw new Error(`${url}: the process exited\n${logs()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer\n${logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
