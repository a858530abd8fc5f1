import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The same build as the e2e server, started as a real deployment would be: NODE_ENV=production and
// DEMO_MODE unset. Cheap: no second build, an empty embedded database of its own (its first request
// migrates it, which takes a while on a busy machine).
const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1100; // app port + 1000 is the demo One-Stop mock (lib/onestop/config.ts)
const ORIGIN = `http://localhost:${PORT}`;
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const secret = () => randomBytes(32).toString("base64");

/** Production also needs the audit checkpoints' Ed25519 signing key, and a checkpoint log of its own. */
function auditSettings(): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), "chudong-audit-"));
  const key = path.join(dir, "audit-signing-key.pem");
  writeFileSync(key, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  return { AUDIT_SIGNING_KEY_FILE: key, AUDIT_CHECKPOINT_LOG: path.join(dir, "checkpoints.jsonl") };
}

function start(env: Record<string, string | undefined>) {
  const vars: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", APP_ORIGIN: ORIGIN, PGLITE_DIR: ".data/e2e-production", ENGINE_SCAN_MINUTES: "0", SMS_GATEWAY: "simulator", NEXT_TELEMETRY_DISABLED: "1", ...env };
  for (const k of ["DEMO_MODE", "AUTH_SECRET", "VNEID_CLIENT_SECRET", "ENGINE_TOKEN", "SMS_INBOUND_SECRET", "VNEID_ISSUER", "TRUST_PROXY_HOPS"]) if (!(k in env)) delete vars[k];
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(PORT)], { cwd: ROOT, env: vars as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  return { child, output };
}

async function ready(server: { child: ChildProcess; output: string[] }) {
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`exited: ${server.output.join("")}`);
    const ok = await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer: ${server.output.join("")}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

test.describe.serial("production is not the demo", () => {
  test("start-up with the demo secrets exits non-zero and names each setting it needs", async () => {
    const server = start({ AUTH_SECRET: "chu-dong-demo-secret-change-me-in-production" });
    // A request makes sure the server got as far as loading the app.
    const poke = setInterval(() => void fetch(`${ORIGIN}/api/health`).catch(() => {}), 500);
    const code = await new Promise<number | null>((r) => server.child.once("exit", r));
    clearInterval(poke);
    expect(code).not.toBe(0);
    const out = server.output.join("");
    expect(out).toMatch(/AUTH_SECRET is the demo value/);
    expect(out).toMatch(/VNEID_CLIENT_SECRET is not set/);
    expect(out).toMatch(/ENGINE_TOKEN is not set/);
    expect(out).toMatch(/SMS_INBOUND_SECRET is not set/);
    expect(out).toMatch(/openssl rand -base64 32/);
  });

  test.describe("with strong secrets and DEMO_MODE unset", () => {
    let server: ReturnType<typeof start>;
    test.beforeAll(async () => {
      test.setTimeout(200_000);
      server = start({ AUTH_SECRET: secret(), VNEID_CLIENT_SECRET: secret(), ENGINE_TOKEN: secret(), SMS_INBOUND_SECRET: secret(), ...auditSettings() });
      await ready(server);
    });
    test.afterAll(async () => stop(server.child));

    test("the SMS simulator, page and API, is not there (404)", async ({ request }) => {
      expect((await request.get(`${ORIGIN}/dev/sms`, { failOnStatusCode: false })).status()).toBe(404);
      expect((await request.get(`${ORIGIN}/api/dev/sms?phone=0905000001`, { failOnStatusCode: false })).status()).toBe(404);
    });

    test("it starts, and warns that ONESTOP_URL is unset: submissions wait in the outbox", async () => {
      await expect.poll(() => server.output.join("")).toMatch(/ONESTOP_URL is not set: submitted dossiers wait in the One-Stop outbox/);
    });

    test("the demo agency keys answer 401", async ({ request }) => {
      for (const key of ["demo-hospital-key", "demo-social-key"]) {
        const r = await request.post(`${ORIGIN}/api/gov/births`, { headers: { authorization: `Bearer ${key}` }, data: {}, failOnStatusCode: false });
        expect(r.status(), key).toBe(401);
      }
    });

    test("the sign-in page shows no demo passcode", async ({ page }) => {
      await page.goto(`${ORIGIN}/login`);
      await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
      await expect(page.getByLabel("Số định danh cá nhân")).toBeVisible();
      await expect(page.locator("body")).not.toContainText("123456");
    });

    test("25 wrong passcodes across 25 ids, each with a random X-Forwarded-For, meet the per-address limit", async ({ page, request }) => {
      test.setTimeout(120_000);
      await page.goto(`${ORIGIN}/login`);
      await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
      await page.waitForURL(/\/vneid\/authorize\?/);
      const authorize = Object.fromEntries(new URL(page.url()).searchParams);
      const randomIp = () => Array.from({ length: 4 }, () => 1 + Math.floor(Math.random() * 250)).join(".");
      const attempt = (i: number) =>
        request.post(`${ORIGIN}/vneid/login`, {
          headers: { origin: ORIGIN, "x-forwarded-for": randomIp(), "x-real-ip": randomIp() },
          form: { ...authorize, personal_id: `0480977${String(i).padStart(5, "0")}`, passcode: "000000" },
          maxRedirects: 0,
          failOnStatusCode: false,
          timeout: 90_000,
        });
      const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(i).then((r) => r.status())));
      expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(20);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    });
  });

  test("with VNEID_ISSUER elsewhere, the mock VNeID is not there (404)", async ({ request }) => {
    test.setTimeout(200_000);
    const server = start({ AUTH_SECRET: secret(), VNEID_CLIENT_SECRET: secret(), ENGINE_TOKEN: secret(), SMS_INBOUND_SECRET: secret(), VNEID_ISSUER: "https://vneid.example/oidc", ...auditSettings() });
    try {
      await ready(server);
      for (const p of ["/vneid/authorize", "/vneid/jwks", "/vneid/.well-known/openid-configuration"]) {
        expect((await request.get(`${ORIGIN}${p}`, { failOnStatusCode: false })).status(), p).toBe(404);
      }
      expect((await request.post(`${ORIGIN}/vneid/token`, { form: {}, failOnStatusCode: false })).status()).toBe(404);
    } finally {
      await stop(server.child);
    }
  });
});
