import { expect, test, type Page, type Request } from "@playwright/test";
import { signIn } from "./helpers";

const DUNG = "048080000004";

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active), null, { timeout: 20_000 });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload({ waitUntil: "networkidle" });
  }
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/** Everything this phone keeps offline: Cache Storage responses and IndexedDB values, as text. */
async function offlineStorageText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (/\/_next\/static\//.test(request.url)) continue;
        parts.push(request.url, await (await cache.match(request))!.text());
      }
    }
    const dbs = await indexedDB.databases();
    for (const info of dbs) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        parts.push(JSON.stringify(values));
      }
      db.close();
    }
    return parts.join("\n");
  });
}

/** The idempotency key a JSON POST carries (a server action's form body has none). */
function keyOf(request: Request): string | undefined {
  try {
    return (request.postDataJSON() as { idempotencyKey?: string } | null)?.idempotencyKey;
  } catch {
    return undefined;
  }
}

/** The confirm or amend waiting in the phone's outbox for this dossier (idb-keyval's store, key outbox:<code>). */
async function outboxEntry(page: Page, code: string): Promise<{ idempotencyKey: string } & Record<string, unknown>> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("keyval-store");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("keyval").objectStore("keyval").get(key);
          req.onsuccess = () => resolve(req.result);
        };
      }),
    `outbox:${code}`,
  );
}

test.describe.serial("the installed app works offline", () => {
  test("the manifest is valid and its icons are reachable at their sizes", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest).toMatchObject({ short_name: "Chủ Động", lang: "vi", display: "standalone", start_url: expect.stringMatching(/^\//) });
    expect(manifest.shortcuts.map((s: { name: string }) => s.name)).toEqual(["Dành cho bạn", "Hồ sơ của tôi"]);
    expect(manifest.icons.some((i: { purpose: string }) => i.purpose === "maskable")).toBe(true);
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const png = await (await request.get(icon.src)).body();
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });

  test("offline, my dossiers and a dossier show their last status with the offline banner", async ({ page, context }) => {
    await signIn(page, DUNG);
    await page.goto("/dossiers", { waitUntil: "networkidle" });
    await waitForServiceWorker(page);
    await page.goto("/dossiers", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: /Gia hạn phù hiệu xe/ }).click();
    await page.waitForURL(/\/dossiers\/HS-/);
    await page.waitForLoadState("networkidle");
    const dossierUrl = page.url();
    // Reached by a client-side link: the app asks the service worker to keep the page for offline use.
    await expect.poll(() => page.evaluate(async (url) => Boolean(await caches.match(url, { ignoreVary: true })), dossierUrl)).toBe(true);

    await context.setOffline(true);
    await page.goto("/dossiers");
    await expect(page.getByText(/Bạn đang ngoại tuyến — cập nhật lúc \d{2}:\d{2}/)).toBeVisible();
    await expect(page.getByRole("link", { name: /Gia hạn phù hiệu xe/ })).toContainText("Đã chuẩn bị");
    await page.goto(dossierUrl);
    await expect(page.getByText(/Bạn đang ngoại tuyến — cập nhật lúc \d{2}:\d{2}/)).toBeVisible();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã chuẩn bị");
    await page.goto("/my-data?never-visited=1").catch(() => undefined);
    await expect(page.getByRole("heading", { name: "Bạn đang ngoại tuyến" })).toBeVisible();
    await context.setOffline(false);
  });

  test("a one-tap confirm from Dũng's home card, made offline, waits, survives a reload and a double tap, and is sent exactly once", async ({ page, context }) => {
    await signIn(page, DUNG);
    await waitForServiceWorker(page);
    // Loaded through the service worker, so the home page is there to reload offline.
    await page.goto("/", { waitUntil: "networkidle" });
    const card = page.getByRole("article", { name: "Gia hạn phù hiệu xe" });
    const code = (await card.getByRole("link", { name: "Sửa thông tin" }).getAttribute("href"))!.match(/HS-\d{4}-\d{6}/)![0];

    await context.setOffline(true);
    // Tap 1 opens the short summary with the consent: the defaults are shown, nothing is missing.
    await card.locator("summary", { hasText: "Xác nhận" }).click();
    await expect(card.getByText("Chỉ nhận bản điện tử")).toBeVisible();
    await expect(card.getByText(/Bấm Xác nhận là bạn xác nhận/)).toBeVisible();
    // Tap 2 confirms (a double tap sends nothing twice).
    const confirm = card.getByRole("button", { name: "Xác nhận và nộp hồ sơ" });
    await confirm.click();
    await confirm.click({ force: true });
    await expect(card.locator('[data-queue="pending"]')).toContainText("Đang chờ gửi");
    // Shown as waiting only once it is on the phone: the outbox holds this one confirm, with its key.
    const kept = await outboxEntry(page, code);
    expect(kept).toMatchObject({ code, kind: "confirm", consent: true, idempotencyKey: expect.any(String) });

    await page.reload();
    await expect(page.getByRole("article", { name: "Gia hạn phù hiệu xe" }).locator('[data-queue="pending"]')).toContainText("Đang chờ gửi");

    // Replays go to the versioned JSON route, never to a server action whose id changes with each build.
    const replays: { url: string; action: string | null; key?: string }[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") replays.push({ url: new URL(r.url()).pathname, action: r.headers()["next-action"] ?? null, key: keyOf(r) });
    });
    await context.setOffline(false);
    await expect(page).toHaveURL(new RegExp(`/dossiers/${code}\\?submitted=1`), { timeout: 20_000 });
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
    expect(replays.length).toBeGreaterThan(0);
    expect(replays.every((r) => r.url === `/api/v1/dossiers/${code}/actions` && r.action === null && r.key === kept.idempotencyKey)).toBe(true);
    const status = await (await page.request.get(`/api/v1/dossiers/${code}`)).json();
    expect(status.status).toBe("submitted");
    expect(status.events.filter((e: { status: string }) => e.status === "submitted")).toHaveLength(1);
  });

  test("no personal id or phone number is kept offline, and signing out clears what was", async ({ page }) => {
    await signIn(page, DUNG);
    await waitForServiceWorker(page);
    await page.goto("/dossiers", { waitUntil: "networkidle" });
    await page.goto("/notifications", { waitUntil: "networkidle" });
    const kept = await offlineStorageText(page);
    expect(kept).toContain("Gia hạn phù hiệu xe");
    expect(kept).not.toMatch(/\b\d{12}\b/);
    expect(kept).not.toMatch(/\b0[35789]\d{8}\b/);

    await page.getByRole("link", { name: "Tài khoản" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);
    const afterSignOut = await offlineStorageText(page);
    expect(afterSignOut).not.toContain("Gia hạn phù hiệu xe");
  });
});
