import { expect, test, type Page } from "@playwright/test";
import { signIn, signInStaff } from "./helpers";

// Trần Văn Long and Phan Thị Mai (Xã Hòa Vang): no other journey uses them. Their birth comes from the hospital API.
const LONG = "048091000041";
const MAI = "048194000042";
let code = "";

const dossier = (page: Page) => page.goto(`/dossiers/${code}`);
const line = (page: Page, field: string) => page.locator(`#bao-sai-${field}`);

test.describe.serial("a citizen reports a wrong pre-filled line and collects the result at another ward", () => {
  test.beforeAll(async ({ request }) => {
    const birthDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const created = await request.post("/api/gov/births", {
      data: { certificateNo: `GCS-E2E-WRONG-${Date.now() % 1e9}`, hospital: "Trung tâm Y tế Hòa Vang", birthDate, sex: "female", motherId: MAI, fatherId: LONG },
      headers: { Authorization: "Bearer demo-hospital-key" },
    });
    expect(created.status()).toBe(201);
    code = (await created.json()).dossierCode;
  });

  test("Long reports his wife's name as wrong; confirming waits for the police", async ({ page }) => {
    await signIn(page, LONG);
    await dossier(page);
    await expect(page.getByText("Tư pháp – Hộ tịch, UBND xã Hòa Vang").first()).toBeVisible();
    const mother = line(page, "motherName");
    await mother.getByText("Báo sai", { exact: true }).click();
    await mother.getByLabel("Điều gì chưa đúng?").fill("Tên vợ tôi là Phan Thị Mây, không phải Mai");
    // A double tap sends one report.
    await mother.getByRole("button", { name: "Gửi báo sai" }).dblclick();
    await expect(line(page, "motherName")).toContainText("Đã báo sai — đang chờ Bộ Công an xác minh");
    await expect(page.getByRole("heading", { name: "Hồ sơ đang chờ sửa dữ liệu" })).toBeVisible();

    await page.getByLabel(/Họ và tên của bé/).fill("Trần Minh Anh");
    await page.getByText("Gửi về nhà qua bưu điện").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await page.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Hồ sơ đang chờ sửa dữ liệu" }).last()).toBeVisible();
    await page.reload();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã chuẩn bị");
  });

  test("the police officer sees the request in the police queue and corrects the registry", async ({ page }) => {
    await signInStaff(page, "congan");
    // The police have services of their own now (first ID card…): the requests are one link away.
    await page.goto("/officer");
    await page.getByRole("link", { name: "Báo sai dữ liệu" }).click();
    await expect(page).toHaveURL(/\/officer\/corrections/);
    const request = page.locator(`li[data-dossier="${code}"][data-field="motherName"]`);
    await expect(request).toHaveCount(1);
    await expect(request).toContainText("Tên vợ tôi là Phan Thị Mây");
    await request.getByLabel("Giá trị đúng").fill("Phan Thị Mây");
    await request.getByLabel("Ghi chú cho công dân").fill("Đã đối chiếu căn cước");
    await request.getByRole("button", { name: "Chấp nhận và sửa tại nguồn" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã trả lời yêu cầu." })).toBeVisible();
  });

  test("Long sees the corrected name, chooses to collect in Hải Châu, and confirms", async ({ page }) => {
    await signIn(page, LONG);
    // The police's answer reached him by SMS, and his notifications show the same text.
    await page.goto("/notifications");
    await expect(page.getByText(new RegExp(`bao sai ho so ${code} da duoc sua: https?://\\S+ Ma doi chieu \\d{4}`))).toBeVisible();
    await dossier(page);
    const mother = line(page, "motherName");
    await expect(mother.locator('[data-field="motherName"]')).toHaveText("Phan Thị Mây");
    await expect(mother).toContainText("Bộ Công an đã sửa dữ liệu");
    await expect(mother).toContainText("Trả lời: Đã đối chiếu căn cước");
    await expect(page.getByRole("heading", { name: "Hồ sơ đang chờ sửa dữ liệu" })).toHaveCount(0);

    await page.getByLabel("Chọn Bộ phận Một cửa").selectOption({ label: "Bộ phận Một cửa UBND phường Hải Châu" });
    await page.getByRole("button", { name: "Nhận kết quả tại đây" }).click();
    await expect(page.getByTestId("collect-centre")).toHaveText("Nhận tại: Bộ phận Một cửa UBND phường Hải Châu");

    await page.getByLabel(/Họ và tên của bé/).fill("Trần Minh Anh");
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await page.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    const timeline = page.getByRole("region", { name: "Tiến trình hồ sơ" });
    await expect(timeline).toContainText("Dữ liệu đã được sửa tại nguồn: Họ tên mẹ");
    await expect(timeline).toContainText("Đã chọn nơi nhận kết quả");
  });

  test("Hòa Vang's civil-status officer gets the birth and sees where the result is collected; Hải Châu's does not", async ({ page, browser }) => {
    await signInStaff(page, "hotich.hoavang");
    await page.goto("/officer");
    await page.locator(`li[data-code="${code}"] a`).click();
    await expect(page.getByTestId("collect-centre")).toHaveText("Bộ phận Một cửa UBND phường Hải Châu");
    await expect(page.getByRole("region", { name: "Công dân báo sai dữ liệu" })).toContainText("Bộ Công an đã sửa thành Phan Thị Mây");

    const haiChau = await (await browser.newContext()).newPage();
    await signInStaff(haiChau, "hotich");
    await haiChau.goto("/officer");
    await expect(haiChau.locator(`li[data-code="${code}"]`)).toHaveCount(0);
    expect((await haiChau.goto(`/officer/dossiers/${code}`))?.status()).toBe(404);
  });
});
