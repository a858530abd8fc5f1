import { expect, test } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { signIn } from "./helpers";

// The framework alone (React DOM + the Next runtime) is ~115 KB; this guards against our own code growing.
const BUDGET_KB = 145;

test("the citizen home loads little JavaScript", async ({ page }) => {
  await signIn(page, "048080000004");
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  await page.goto("/", { waitUntil: "networkidle" });
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const kb = total / 1024;
  for (const [url, size] of scripts) console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${new URL(url).pathname}`);
  console.log(`citizen home first-load JS: ${kb.toFixed(1)} KB gzipped in ${scripts.size} files (budget ${BUDGET_KB} KB)`);
  expect(scripts.size).toBeGreaterThan(0);
  expect(kb).toBeLessThanOrEqual(BUDGET_KB);
});
