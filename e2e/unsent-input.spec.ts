import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** A birth's name is read back in large print (Kiểm tra lại) before the confirm is sent. */
async function confirmAndSend(p: Page) {
  await p.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  await p.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
}

// Runs last (file order): each test gets a fresh birth dossier from the hospital API, so no other journey is touched.
const DUNG = "048080000004";
const EM = "048175000005";
const NAME = "Nguyễn Minh Khang";

// Playwright's routing sees the page's own requests only while no service worker sits in between.
test.use({ serviceWorkers: "block" });
// Two sign-ins and a throttled network per journey on a shared machine.
test.describe.configure({ timeout: 150_000 });

async function newBirthDossier(request: APIRequestContext): Promise<string> {
  const birthDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  const created = await request.post("/api/gov/births", {
    data: { certificateNo: `GCS-UNSENT-${Date.now() % 1e9}`, hospital: "Bệnh viện Đà Nẵng", birthDate, sex: "male", motherId: EM, fatherId: DUNG, weightGrams: 3100 },
    headers: { Authorization: "Bearer demo-hospital-key" },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).dossierCode;
}

async function submittedEvents(page: Page, code: string): Promise<number> {
  const status = await (await page.request.get(`/api/v1/dossiers/${code}`)).json();
  return status.events.filter((e: { status: string }) => e.status === "submitted").length;
}

async function signInAgain(page: Page) {
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Số định danh cá nhân").fill(DUNG);
  await page.getByLabel("Mật khẩu").fill("123456");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

const draftSaved = (page: Page, code: string) =>
  expect
    .poll(() =>
      page.evaluate(
        (key) =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open("keyval-store");
            open.onsuccess = () => {
              const req = open.result.transaction("keyval").objectStore("keyval").get(key);
              req.onsuccess = () => resolve(req.result);
            };
            open.onerror = () => resolve(undefined);
          }),
        `draft:${code}`,
      ),
    )
    .toMatchObject({ values: { childName: NAME } });

/** Dũng opens a fresh birth dossier and types the name; `kept` waits until the draft is on the phone. */
async function dossierWithTypedName(page: Page, request: APIRequestContext, opts: { kept?: boolean } = {}): Promise<string> {
  const code = await newBirthDossier(request);
  await signIn(page, DUNG);
  await page.goto(`/dossiers/${code}`);
  await page.getByLabel(/Họ và tên của bé/).fill(NAME);
  if (opts.kept) await draftSaved(page, code);
  return code;
}

test("slow 3G with failing requests while the phone says it is online: Đang chờ gửi, then exactly one submission", async ({ page, request }) => {
  const code = await dossierWithTypedName(page, request);
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 });
  // The first answer is lost on its way back (the server did submit), the second request never arrives.
  let attempts = 0;
  await page.route(`**/api/v1/dossiers/${code}/actions`, async (route) => {
    attempts += 1;
    if (attempts === 1) {
      await route.fetch();
      return route.abort("connectionreset");
    }
    if (attempts === 2) return route.abort("failed");
    return route.continue();
  });

  await confirmAndSend(page);
  await expect(page.locator('[data-queue="pending"]')).toContainText("Đang chờ gửi");
  await expect(page.locator('[data-queue="pending"]')).toBeFocused();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);

  await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // The retry's answer, or the status stream's push of the first (lost) answer's effect, shows it sent.
  await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp", { timeout: 30_000 });
  await expect(page.locator('[data-field="childName"]')).toHaveText(NAME);
  expect(attempts).toBeGreaterThanOrEqual(2);
  expect(await submittedEvents(page, code)).toBe(1);
});

test("the session ends between typing the name and pressing Xác nhận: kept, sign in again, sent once", async ({ page, context, request }) => {
  const code = await dossierWithTypedName(page, request, { kept: true });
  await context.clearCookies();

  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await confirmAndSend(page);
  const prompt = page.locator('[data-queue="sign-in"]');
  await expect(prompt).toContainText("Phiên đăng nhập đã hết hạn");
  await expect(prompt).toContainText("Thông tin bạn nhập vẫn được giữ");

  await prompt.getByRole("link", { name: "Đăng nhập lại để gửi" }).click();
  await signInAgain(page);
  // Back on the same dossier, where the kept confirmation is sent by itself.
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code}\\?submitted=1`), { timeout: 30_000 });
  await expect(page.locator('[data-field="childName"]')).toHaveText(NAME);
  expect(await submittedEvents(page, code)).toBe(1);
});

test("the session times out while the name is typed: after signing in again the name is still there, and the dossier is submitted once", async ({ page, context, request }) => {
  const code = await dossierWithTypedName(page, request, { kept: true });
  await context.clearCookies();

  await page.reload();
  await signInAgain(page);
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code}$`));
  await expect(page.getByLabel(/Họ và tên của bé/)).toHaveValue(NAME);
  await expect(page.getByText(/Đã khôi phục thông tin bạn nhập/)).toBeVisible();
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await confirmAndSend(page);
  await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
  expect(await submittedEvents(page, code)).toBe(1);
  // Sent: the draft is gone from the phone.
  await expect
    .poll(() => page.evaluate(() => new Promise((r) => { const o = indexedDB.open("keyval-store"); o.onsuccess = () => { const q = o.result.transaction("keyval").objectStore("keyval").getAllKeys(); q.onsuccess = () => r(q.result); }; })))
    .not.toContain(`draft:${code}`);
});

test("a stale second tab's confirm shows who submitted what and when, never silence", async ({ page, browser, request }) => {
  const code = await dossierWithTypedName(page, request);

  const em = await browser.newPage();
  await signIn(em, EM);
  await em.goto(`/dossiers/${code}`);
  await em.getByLabel(/Họ và tên của bé/).fill("Nguyễn Minh Quân");
  await em.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await confirmAndSend(em);
  await expect(em.locator("[data-status]").first()).toHaveText("Đã nộp");
  await em.close();

  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await confirmAndSend(page);
  const conflict = page.locator("[data-conflict]");
  await expect(conflict).toContainText(/Hoàng Thị Em đã nộp hồ sơ này lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(conflict).toContainText("Nguyễn Minh Quân");
  await expect(conflict).toBeFocused();
  expect(await submittedEvents(page, code)).toBe(1);
});

test("switching language keeps the typed name and the place, without a leave warning", async ({ page, request }) => {
  await dossierWithTypedName(page, request, { kept: true });
  let warned = false;
  page.on("dialog", (d) => {
    warned = true;
    void d.dismiss();
  });
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /birth/i })).toBeVisible();
  await expect(page.getByLabel(/Your baby's full name/)).toHaveValue(NAME);
  await expect(page.getByLabel(/Your baby's full name/)).toBeFocused();
  expect(warned).toBe(false);
});

test("a confirm tapped offline before the outbox's sender has loaded is kept on the phone, survives a reload, and is sent once", async ({ page, context, request }) => {
  const code = await newBirthDossier(request);
  await signIn(page, DUNG);
  // The sender (the only script that posts to the actions route) is held back until after the tap.
  let senderRequested = false;
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("}/actions")) {
      senderRequested = true;
      return new Promise<void>(() => undefined);
    }
    return route.fulfill({ response });
  });
  const posts: (string | undefined)[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/actions")) posts.push((r.postDataJSON() as { idempotencyKey?: string }).idempotencyKey);
  });
  await page.goto(`/dossiers/${code}`);
  await page.getByLabel(/Họ và tên của bé/).fill(NAME);
  // Asked for when the citizen started on the form, and still not delivered when she taps.
  await expect.poll(() => senderRequested).toBe(true);

  await context.setOffline(true);
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await confirmAndSend(page);
  await expect(page.locator('[data-queue="pending"]')).toContainText("Đang chờ gửi");
  const kept = await page.evaluate(
    (key) =>
      new Promise<{ idempotencyKey: string; input: Record<string, string> } | undefined>((resolve) => {
        const open = indexedDB.open("keyval-store");
        open.onsuccess = () => {
          const req = open.result.transaction("keyval").objectStore("keyval").get(key);
          req.onsuccess = () => resolve(req.result);
        };
      }),
    `outbox:${code}`,
  );
  expect(kept?.input.childName).toBe(NAME);
  expect(posts).toEqual([]);

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await context.setOffline(false);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code}\\?submitted=1`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
  await expect(page.locator('[data-field="childName"]')).toHaveText(NAME);
  expect(await submittedEvents(page, code)).toBe(1);
  expect(posts.length).toBeGreaterThan(0);
  expect(posts.every((key) => key === kept?.idempotencyKey)).toBe(true);
});
