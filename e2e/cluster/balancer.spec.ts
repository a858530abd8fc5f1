import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn, signInStaff, personas } from "../helpers";
import { ensureBuild, freshPostgres, dropPostgres } from "../../lib/security/http-harness";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";

const PORT = Number(process.env.E2E_PORT ?? 3300);
const INSTANCE_PORTS = (process.env.E2E_CLUSTER_INSTANCE_PORTS ?? `${PORT + 1},${PORT + 2}`).split(",").map(Number);
const DB = "chudong_e2e_cluster";
const origin = `http://localhost:${PORT}`;
const portOf = (upstream: string | undefined) => Number(upstream?.split(",").pop()?.trim().split(":").pop());

let cluster: Cluster;
let url: string;

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test.describe.serial("two instances behind nginx, one PostgreSQL", () => {
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ensureBuild();
    url = await freshPostgres(DB);
    const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], { env: { ...process.env, DATABASE_URL: url, APP_ORIGIN: origin }, encoding: "utf8" });
    expect(seeded.status, seeded.stderr).toBe(0);
    cluster = await startCluster({ port: PORT, instancePorts: INSTANCE_PORTS, databaseUrl: url, workersEach: 1, quiet: true, exposeUpstream: true, env: { ENGINE_SCAN_MINUTES: "0" } });
  });
  test.afterAll(async () => {
    await cluster?.stop();
    await dropPostgres(DB).catch(() => {});
  });

  test("An confirms while the instance his click would reach is killed: recorded once, the instance rejoins", async ({ page }) => {
    await signIn(page, personas.an);
    await page.getByRole("article", { name: "Đăng ký khai sinh cho bé" }).getByRole("link", { name: "Sửa thông tin" }).click();
    await page.getByLabel(/Họ và tên của bé/).fill("Nguyễn Minh Khang");
    await page.getByText("Gửi về nhà qua bưu điện").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();

    // nginx takes the instances in turn: after this probe, the next request (the confirm) goes to the other one. Kill it.
    const served = portOf((await page.request.get("/api/health")).headers()["x-upstream"]);
    const victim = cluster.instances.find((i) => i.port !== served)!;
    await victim.crash();

    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
    expect(cluster.logs.join(""), "nginx tried the dead instance, then the other").toMatch(new RegExp(`connect\\(\\) failed[^\\n]*127\\.0\\.0\\.1:${victim.port}`));

    const code = new URL(page.url()).pathname.split("/").pop()!;
    const events = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.to_status = 'submitted'`,
      [code],
    );
    expect(events[0]!.n, "one submit event").toBe(1);

    await victim.start();
    // Left out for fail_timeout (5 s) after its failure, then taken in turn again.
    await expect
      .poll(
        async () => {
          const seen = new Set<number>();
          for (let i = 0; i < 4; i++) seen.add(portOf((await page.request.get("/api/health")).headers()["x-upstream"]));
          return seen.has(victim.port);
        },
        { timeout: 20_000, intervals: [1000] },
      )
      .toBe(true);
  });

  test("the officer's actions reach An's open page within 2 s, whichever instance holds his stream", async ({ page, browser }) => {
    await signIn(page, personas.an);
    await page.getByRole("link", { name: "Hồ sơ", exact: true }).click();
    const streamOpened = page.waitForResponse((r) => r.url().endsWith("/api/v1/dossiers/stream"));
    await page.getByRole("link", { name: /Đăng ký khai sinh cho bé/ }).click();
    const streamOn = portOf((await streamOpened).headers()["x-upstream"]);
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");

    const officerContext = await browser.newContext({ baseURL: origin });
    const officer = await officerContext.newPage();
    await signInStaff(officer, "hotich");
    await officer.getByRole("link", { name: /Đăng ký khai sinh cho bé · Nguyễn Văn An/ }).click();
    await officer.waitForURL(/\/officer\/dossiers\/HS-/);

    const actOn: number[] = [];
    for (const [button, status] of [["Tiếp nhận", "Đã tiếp nhận"], ["Duyệt", "Đã có kết quả"]] as const) {
      const posted = officer.waitForResponse((r) => r.request().method() === "POST");
      await officer.getByRole("button", { name: button }).click();
      actOn.push(portOf((await posted).headers()["x-upstream"]));
      const t0 = Date.now();
      await expect(page.locator("[data-status]").first()).toHaveText(status, { timeout: 2000 });
      console.log(`${button}: officer on :${actOn.at(-1)}, An's stream on :${streamOn}, An's page shows "${status}" ${Date.now() - t0} ms after the officer's answer`);
    }
    await officerContext.close();
  });
});
