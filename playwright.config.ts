import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const systemChromium = "/usr/bin/chromium";

/** A phone-sized Chromium: Debian's /usr/bin/chromium when present (Playwright's download does not work here). */
export const phoneProject = {
  name: "chromium-phone",
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
};

export default defineConfig({
  testDir: "./e2e",
  // Run by npm run test:cluster (playwright.cluster.config.ts): they start nginx and instances of their own.
  testIgnore: "cluster/**",
  // One server on the embedded database, and journeys that change its data: run them in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    phoneProject,
  ],
  webServer: {
    command: "npm run build && tsx scripts/seed-demo.ts && next start -p " + PORT,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PGLITE_DIR: ".data/e2e",
      APP_ORIGIN: baseURL,
      DEMO_MODE: "true",
      // Playwright stands in for one reverse proxy: tests pick their address with X-Forwarded-For
      // (e2e/production.spec.ts checks that, with 0 hops, nobody can).
      TRUST_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
