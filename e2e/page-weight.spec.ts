import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { signIn } from "./helpers";

// The framework's floor is what every page loads before any of ours: the build manifest's root files
// (React DOM, the Next runtime) and polyfills. The rest is our own code and the libraries it pulls in.
const manifest = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
const floorFiles = new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles].map((f) => `/_next/${f}`));
// Issue 13 asks for ≤ 10 KB of our own code; today's home (offline queue, one-tap confirm, status
// stream) is above it. This guards against growth until that work lands.
const OWN_BUDGET_KB = 25;

test("the citizen home loads little JavaScript", async ({ page }) => {
  await signIn(page, "048080000004");
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
  });
  await page.goto("/", { waitUntil: "networkidle" });
  const kb = (paths: string[]) => paths.reduce((a, p) => a + scripts.get(p)!, 0) / 1024;
  const floor = [...scripts.keys()].filter((p) => floorFiles.has(p));
  const own = [...scripts.keys()].filter((p) => !floorFiles.has(p));
  for (const [label, paths] of [["framework", floor], ["ours", own]] as const) {
    for (const p of paths) console.log(`  ${label.padEnd(9)} ${(scripts.get(p)! / 1024).toFixed(1).padStart(6)} KB  ${p}`);
  }
  console.log(`citizen home first-load JS, gzipped: framework floor ${kb(floor).toFixed(1)} KB in ${floor.length} files; our own code ${kb(own).toFixed(1)} KB in ${own.length} files (budget ${OWN_BUDGET_KB} KB; issue 13 target 10 KB)`);
  expect(floor.length).toBeGreaterThan(0);
  expect(kb(own)).toBeLessThanOrEqual(OWN_BUDGET_KB);
});
