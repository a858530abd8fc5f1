/**
 * Test-bench plumbing for scripts/crash-*.ts and scripts/bench-http.ts: a fresh PostgreSQL database,
 * a synthetic population with prepared dossiers, `next start` as a child process, and citizens signed
 * in over HTTP (the real sign-in) or with minted session cookies. Only loopback addresses are used.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { citizens, licences } from "../db/schema";
import { hashPasscode } from "../auth/passcode";
import { seedDemoWorld } from "../gov/demo-world";
import { scan } from "../engine/scan";
import { addDays } from "../dates";
import { sessionCookie } from "./session-cookie";
import { IDLE_TIMEOUT_SECONDS, startSession } from "./session-policy";
import * as clock from "../clock";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const AUTH_SECRET = process.env.AUTH_SECRET ?? "chu-dong-demo-secret-change-me-in-production";
export const ENGINE_TOKEN = "chu-dong-demo-engine-token";
export const PASSCODE = "123456";

/** Drops and creates a database of that name on the local PostgreSQL; returns its URL. */
export async function freshPostgres(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
}

export async function dropPostgres(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** A synthetic citizen id: Đà Nẵng (048), male born 19xx (0), year 70, then a serial from 900000. */
export const syntheticId = (i: number) => `048070${String(900000 + i).padStart(6, "0")}`;

/**
 * Into a fresh database (freshPostgres: the audit trail cannot be truncated), the demo world plus
 * `people` synthetic citizens holding `licencesEach` medical licences that expire within the renewal
 * window; one engine scan prepares a dossier for every licence.
 */
export async function seedPopulation(url: string, opts: { people: number; licencesEach: number; origin: string }) {
  const database = await openDatabase({ url });
  const db = database.db;
  const today = clock.today();
  await seedDemoWorld(db, today);
  const passcodeHash = await hashPasscode(PASSCODE);
  for (let start = 0; start < opts.people; start += 500) {
    const batch = Array.from({ length: Math.min(500, opts.people - start) }, (_, k) => start + k);
    await db.insert(citizens).values(
      batch.map((i) => ({
        id: syntheticId(i),
        fullName: `Người Thử Nghiệm ${i}`,
        birthDate: "1970-01-01",
        sex: "male" as const,
        phone: `09${String(10000000 + i).padStart(8, "0")}`,
        passcodeHash,
        commune: "Phường Hải Châu",
        province: "Thành phố Đà Nẵng",
        addressLine: `${i} Bạch Đằng`,
      })),
    );
    await db.insert(licences).values(
      batch.flatMap((i) =>
        Array.from({ length: opts.licencesEach }, (_, j) => ({
          kind: "medical",
          number: `BENCH-${i}-${j}`,
          holderId: syntheticId(i),
          issuer: "Sở Y tế Đà Nẵng",
          scope: "Khám bệnh, chữa bệnh đa khoa",
          address: `${i} Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng`,
          expiresOn: addDays(today, 20 + (j % 30)),
          details: { cmeHours: 120 },
        })),
      ),
    );
  }
  const report = await scan(db, { today, origin: opts.origin });
  const dossierRows = (await db.execute(sql`
    SELECT d.code, d.owner_id AS owner, d.version FROM dossiers d
    WHERE d.service_code = 'medical-licence-renewal' AND d.owner_id LIKE '048070%' ORDER BY d.code`)) as unknown as {
    rows: { code: string; owner: string; version: number }[];
  };
  await database.close();
  return { prepared: report.prepared, dossiers: dossierRows.rows };
}

/** Builds once if there is no production build yet (or when asked). */
export function ensureBuild(force = false) {
  if (!force && existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export interface Server {
  origin: string;
  process: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
}

/** `next start` on PostgreSQL; resolves when /api/health answers. Its output is kept for the log check. */
export async function startServer(opts: { port: number; databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[]; workers?: number }): Promise<Server> {
  const origin = `http://localhost:${opts.port}`;
  const entry = opts.workers ? [path.join(ROOT, "scripts/serve.mjs")] : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port)];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      APP_ORIGIN: origin,
      DEMO_MODE: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ENGINE_SCAN_MINUTES: "0",
      ...(opts.workers ? { PORT: String(opts.port), HOST: "localhost", WEB_CONCURRENCY: String(opts.workers) } : {}),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${logs.join("")}`);
    try {
      const r = await fetch(`${origin}/api/health`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer: ${logs.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  return { origin, process: child, logs, stop };
}

/** A tiny cookie jar for fetch with manual redirects. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

/** The real sign-in over HTTP: our login form → mock VNeID's form → Auth.js callback. Returns the Cookie header. */
export async function signInOverHttp(origin: string, personalId: string, passcode = PASSCODE): Promise<string> {
  const jar = new Jar();
  const form = (data: Record<string, string>) => new URLSearchParams(data);
  const start = await fetch(`${origin}/login/vneid`, { method: "POST", redirect: "manual", headers: { origin }, body: form({ callbackUrl: "/" }) });
  jar.take(start);
  const authorize = new URL(start.headers.get("location")!, origin);
  const login = await fetch(`${origin}/vneid/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, cookie: jar.header() },
    body: form({ ...Object.fromEntries(authorize.searchParams), personal_id: personalId, passcode }),
  });
  if (login.status !== 303) throw new Error(`VNeID sign-in answered ${login.status}`);
  const callback = await fetch(new URL(login.headers.get("location")!, origin), { redirect: "manual", headers: { cookie: jar.header() } });
  jar.take(callback);
  if (!jar.get(sessionCookie({ APP_ORIGIN: origin }).name)) throw new Error(`no session after the callback (${callback.status} ${callback.headers.get("location")})`);
  return jar.header();
}

/** A session cookie minted with the app's secret, as the jwt callback would have made it at sign-in. */
export async function mintSessionCookie(origin: string, personalId: string): Promise<string> {
  const cookie = sessionCookie({ APP_ORIGIN: origin });
  const token = startSession({ sub: personalId, role: "citizen" }, Math.floor(Date.now() / 1000));
  const value = await encode({ token, secret: AUTH_SECRET, salt: cookie.name, maxAge: IDLE_TIMEOUT_SECONDS });
  return `${cookie.name}=${value}`;
}

const ID = /(?<!\d)\d{12}(?!\d)/;
const PHONE = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/;

/** Lines of server output that carry a personal id or a phone number (there must be none). */
export function leakedLines(logs: string[]): string[] {
  return logs
    .join("")
    .split("\n")
    .filter((l) => ID.test(l) || PHONE.test(l));
}
