import { defineConfig } from "@playwright/test";
import { phoneProject } from "./playwright.config";

// The balancer's port; the two instances take the next two (E2E_CLUSTER_INSTANCE_PORTS to choose).
const PORT = Number(process.env.E2E_PORT ?? 3300);

/** npm run test:cluster: the journeys that need nginx and several instances (e2e/cluster); the spec starts them. */
export default defineConfig({
  testDir: "./e2e/cluster",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 390, height: 844 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    // The service worker's background fetches would take the turn at the dead instance meant for the confirm.
    serviceWorkers: "block",
  },
  projects: [phoneProject],
});
