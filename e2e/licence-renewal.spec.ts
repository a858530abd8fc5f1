import { expect, test } from "@playwright/test";
import { personas, signIn } from "./helpers";

test("Cúc confirms her licence renewal with the data already on file", async ({ page }) => {
  await signIn(page, personas.cuc);
  const card = page.getByRole("article", { name: "Gia hạn giấy phép hành nghề y" });
  await expect(card).toContainText(/Giấy phép hành nghề của bạn hết hạn ngày \d{2}\/\d{2}\/\d{4} — theo Cơ sở dữ liệu hành nghề y/);
  // Nothing is missing (delivery defaults to digital), so the card offers a one-tap confirm; she checks the form instead.
  await card.getByRole("link", { name: "Sửa thông tin" }).click();
  await expect(page.getByLabel(/Địa chỉ hành nghề/)).toHaveValue(/402 Lê Văn Hiến/);
  await expect(page.getByLabel("Chỉ nhận bản điện tử")).toBeChecked();
  await expect(page.getByLabel(/Số giờ cập nhật kiến thức/)).toHaveValue("136");
  await page.getByText("Chỉ nhận bản điện tử").click();
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
  await expect(page.getByText("Hẹn trả kết quả")).toBeVisible();
});

test("Cúc opening An's dossier gets not-found and learns nothing", async ({ browser }) => {
  const an = await browser.newPage();
  await signIn(an, personas.an);
  await an.getByRole("link", { name: "Hồ sơ", exact: true }).click();
  await an.getByRole("link", { name: /Đăng ký khai sinh cho bé/ }).click();
  await an.waitForURL(/\/dossiers\/HS-/);
  const anUrl = new URL(an.url()).pathname;
  expect(anUrl).toMatch(/^\/dossiers\/HS-\d{4}-\d{6}$/);
  await an.close();

  const cuc = await browser.newPage();
  await signIn(cuc, personas.cuc);
  const response = await cuc.goto(anUrl);
  expect(response?.status()).toBe(404);
  await expect(cuc.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(cuc.getByText("Nguyễn Văn An")).toHaveCount(0);
  await cuc.close();
});

test("Hoàng Thị Em confirms her household's support", async ({ page }) => {
  await signIn(page, personas.em);
  const card = page.getByRole("article", { name: "Hỗ trợ hộ nghèo, cận nghèo" });
  await expect(card).toContainText("danh sách hộ nghèo năm");
  await card.getByRole("link", { name: "Trả lời 1 câu hỏi" }).click();
  await expect(page.getByLabel(/Gửi về nhà qua bưu điện/)).toBeFocused();
  await page.getByText("Nhận tại Trung tâm phục vụ hành chính công").click();
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
});
