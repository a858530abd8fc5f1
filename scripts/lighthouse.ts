/**
 * Lighthouse (mobile) on the signed-in citizen home. Starts the production build on a fresh demo
 * database, signs in through the real VNeID flow in the system Chromium, then audits that browser.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";

const PORT = 3150;
const ORIGIN = `http://localhost:${PORT}`;
const DEBUG_PORT = 9333;
const env = { ...process.env, PGLITE_DIR: ".data/lighthouse", APP_ORIGIN: ORIGIN, NEXT_TELEMETRY_DISABLED: "1" };

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

if (!existsSync(".next/BUILD_ID") || !existsSync("public/sw.js")) await run("npm", ["run", "build"]);
rmSync(".data/lighthouse", { recursive: true, force: true });
await run("npx", ["tsx", "scripts/seed-demo.ts"]);
const server = spawn("npx", ["next", "start", "-p", String(PORT)], { env, stdio: "ignore", detached: true });
try {
  for (let i = 0; i < 60; i++) {
    if (await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // A persistent context is the browser's default profile, so Lighthouse's tab shares the session cookie.
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "lh-")), {
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/login`);
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Số định danh cá nhân").fill("048090000001");
  await page.getByLabel("Mật khẩu").fill("123456");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL(`${ORIGIN}/`);

  const result = await lighthouse(
    `${ORIGIN}/`,
    { port: DEBUG_PORT, output: "json", logLevel: "error", disableStorageReset: true, formFactor: "mobile", screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false } },
  );
  await browser.close();
  const lhr = result?.lhr;
  if (!lhr) throw new Error("Lighthouse returned no report");
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => lhr.audits[id]?.displayValue ?? "—";
  console.log(`Lighthouse ${lhr.lighthouseVersion} · mobile · ${lhr.finalDisplayedUrl}`);
  console.log(`Performance ${score("performance")} · Accessibility ${score("accessibility")} · Best Practices ${score("best-practices")} · SEO ${score("seo")}`);
  console.log(`LCP ${audit("largest-contentful-paint")} · TBT ${audit("total-blocking-time")} · CLS ${audit("cumulative-layout-shift")} · FCP ${audit("first-contentful-paint")}`);
  for (const [id, a] of Object.entries(lhr.audits)) {
    if (a.score !== null && a.score < 1 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === id)) console.log(`  accessibility: ${id} — ${a.title}`);
  }
} finally {
  if (server.pid) process.kill(-server.pid);
}
