import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn, signInStaff } from "./helpers";

// Hòa Khánh's building-permit centre and its backlog (lib/gov/demo-world.ts seedDemoBacklog), Trịnh Văn
// Mười and the transport officer belong to this file alone.
const HOA_KHANH = "Phường Hòa Khánh";
const MUOI = "048090000113";
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The demo server starts the mock One-Stop service on its own port + 1000 (lib/onestop/config.ts).
const ONESTOP = `http://127.0.0.1:${PORT + 1000}`;

test.describe.configure({ mode: "serial" });

test("the IOC sees Hòa Khánh's centre about to miss its SLA, with counts only, and downloads the figures", async ({ page }) => {
  await signInStaff(page, "ioc");
  await page.goto("/ioc");
  const warnings = page.getByTestId("sla-warnings");
  await expect(warnings).toContainText(HOA_KHANH);
  await expect(warnings).toContainText(/\d+ hồ sơ sẽ trễ hạn ở tốc độ hiện tại/);
  await expect(page.getByRole("heading", { name: "Dự báo hồ sơ sắp phát sinh" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Dự báo theo thủ tục: 30 và 90 ngày tới" })).toBeVisible();
  await expect(page.getByRole("img", { name: new RegExp(`${HOA_KHANH}: tiếp nhận, giải quyết và tồn 14 ngày qua`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bảng xếp hạng thi đua" })).toBeVisible();
  // The demo's mock One-Stop service is connected: the sync section shows counts, and no alarm.
  await expect(page.getByTestId("onestop-outbox")).toHaveAttribute("data-connected", "true");
  await expect(page.getByTestId("onestop-outbox").getByRole("alert")).toHaveCount(0);
  // Counts and rates only: none of the backlog's citizens, nor a dossier code.
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/Công dân Hòa Khánh|Trịnh Văn Mười|HS-\d{4}-\d{6}|0480\d{8}/);

  const csv = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải CSV" }).click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toMatch(/^chu-dong-ioc-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = readFileSync((await csvFile.path())!, "utf8");
  expect(body).toContain("Nguy cơ trễ hạn");
  expect(body).toContain(HOA_KHANH);
  expect(body).not.toMatch(/Công dân Hòa Khánh|HS-\d{4}-\d{6}/);

  const xlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải Excel (.xlsx)" }).click();
  const xlsxFile = await xlsx;
  expect(xlsxFile.suggestedFilename()).toMatch(/\.xlsx$/);
  // An .xlsx is a zip: it starts with PK.
  expect(readFileSync((await xlsxFile.path())!).subarray(0, 2).toString()).toBe("PK");
});

test("the centre's lead sees the warning on the officer page and moves a dossier to another centre", async ({ page }) => {
  await signInStaff(page, "xaydung");
  const warning = page.locator("#sla-risk");
  await expect(warning.getByRole("heading", { name: "Hồ sơ sắp trễ hạn" })).toBeVisible();
  await expect(warning).toContainText(HOA_KHANH);
  const form = warning.locator("form").first();
  const code = await form.locator('input[name="dossierCode"]').inputValue();
  await form.getByLabel("Chuyển sang trung tâm").selectOption("Phường Hải Châu");
  await form.getByRole("button", { name: "Chuyển" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã chuyển hồ sơ sang trung tâm khác." })).toBeVisible();
  await page.goto(`/officer?commune=${encodeURIComponent("Phường Hải Châu")}`);
  await expect(page.locator(`li[data-code="${code}"]`)).toContainText("Phường Hải Châu");
  await page.goto(`/officer/dossiers/${code}`);
  await expect(page.getByText("Chuyển sang trung tâm một cửa khác")).toBeVisible();
});

test("a submitted dossier is filed with the One-Stop service, which numbers it and reports statuses back", async ({ page, browser }) => {
  // Two signed-in people, the outbox's schedule and two callbacks: longer than one journey.
  test.setTimeout(180_000);
  await signIn(page, MUOI);
  const card = page.getByRole("article", { name: "Gia hạn phù hiệu xe" });
  const code = (await card.getByRole("link", { name: "Sửa thông tin" }).getAttribute("href"))!.match(/HS-\d{4}-\d{6}/)![0];
  await card.locator("summary", { hasText: "Xác nhận" }).click();
  await card.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code}`));

  // The outbox files it within seconds; the One-Stop service gives it a receipt number.
  type MockRecord = { id: string; dossierCode: string; receiptNo: string; submissions: number };
  const recordOf = async () => ((await (await page.request.get(`${ONESTOP}/api/records`)).json()) as MockRecord[]).find((r) => r.dossierCode === code);
  await expect.poll(recordOf, { timeout: 30_000 }).toBeDefined();
  const record = (await recordOf())!;
  expect(record.submissions).toBe(1);
  // The citizen sees the One-Stop system's receipt number, the only one there is.
  await page.reload();
  await expect(page.getByTestId("receipt-no")).toHaveText(record.receiptNo);

  const officer = await browser.newPage();
  await signInStaff(officer, "vantai");
  await officer.goto(`/officer/dossiers/${code}`);
  await officer.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(officer.getByText(record.receiptNo)).toBeVisible();

  // The One-Stop clerk starts processing: applied here through our lifecycle.
  await page.request.post(`${ONESTOP}/records/${record.id}/status`, { data: { status: "processing" } });
  await officer.reload();
  await expect(officer.locator("[data-status]").first()).toHaveText("Đang xử lý");
  // Then reports "received" again, behind ours: shown to the officer, not applied.
  await page.request.post(`${ONESTOP}/records/${record.id}/status`, { data: { status: "received" } });
  await officer.reload();
  await expect(officer.locator('[data-onestop-conflict="received"]')).toBeVisible();
  await expect(officer.locator("[data-status]").first()).toHaveText("Đang xử lý");
  await officer.getByRole("button", { name: "Đã kiểm tra" }).click();
  await expect(officer.locator("[data-onestop-conflict]")).toHaveCount(0);
  await officer.close();
});
