import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, personas, signIn } from "./helpers";

const DATE = /\d{2}\/\d{2}\/\d{4}/;

test.describe.serial("a father registers his newborn's birth", () => {
  test("An sees the prepared birth registration and why it was prepared", async ({ page }) => {
    await signIn(page, personas.an);
    const card = page.getByRole("article", { name: "Đăng ký khai sinh cho bé" });
    await expect(card).toContainText("Bệnh viện Phụ sản – Nhi Đà Nẵng");
    await expect(card).toContainText("theo Giấy chứng sinh điện tử");
    await expect(card).toContainText(/Hạn xác nhận: \d{2}\/\d{2}\/\d{4}/);
    // Only the name is missing, so the button says so and lands on the name.
    await expect(card.getByRole("link", { name: "Đặt tên cho bé" })).toBeVisible();
    await expect(card.getByRole("link", { name: "Sửa thông tin" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a bad name shows a clear error and changes nothing", async ({ page }) => {
    await signIn(page, personas.an);
    await page.getByRole("article", { name: "Đăng ký khai sinh cho bé" }).getByRole("link", { name: "Đặt tên cho bé" }).click();
    await expect(page.getByLabel(/Họ và tên của bé/)).toBeFocused();
    await page.getByLabel(/Họ và tên của bé/).fill("Khang 123");
    await page.getByText("Gửi về nhà qua bưu điện").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await page.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Họ tên chỉ gồm chữ cái tiếng Việt và dấu cách" })).toBeVisible();
    await expect(page.getByLabel(/Họ và tên của bé/)).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    // The consent tick survives the failed submit.
    await expect(page.getByLabel(/Tôi xác nhận thông tin trên là đúng/)).toBeChecked();

    // Nothing reached the server, but what he typed is kept on the phone and offered back.
    await page.reload();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã chuẩn bị");
    await expect(page.getByLabel(/Họ và tên của bé/)).toHaveValue("Khang 123");
    await expect(page.getByText(/Đã khôi phục thông tin bạn nhập lúc \d{2}:\d{2}/)).toBeVisible();
    await expect(page.getByRole("list").filter({ hasText: "Đã nộp" })).toHaveCount(0);
  });

  test("An names his son and confirms; the dossier shows Đã nộp with a dated timeline", async ({ page }) => {
    await signIn(page, personas.an);
    await page.getByRole("article", { name: "Đăng ký khai sinh cho bé" }).getByRole("link", { name: "Sửa thông tin" }).click();
    await expect(page.getByText("Nguồn: Giấy chứng sinh điện tử").first()).toBeVisible();
    await expect(page.getByText("Nguyễn Văn An", { exact: true })).toBeVisible();
    await page.getByLabel(/Họ và tên của bé/).fill("Nguyễn Minh Khang");
    await page.getByText("Gửi về nhà qua bưu điện").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    // The name is permanent: it is shown back in large print before it is sent.
    await expect(page.getByRole("heading", { name: "Kiểm tra lại" })).toBeFocused();
    await expect(page.locator('[data-review-field="childName"]')).toHaveText("Nguyễn Minh Khang");
    await page.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
    await expect(page.locator('[data-field="childName"]')).toHaveText("Nguyễn Minh Khang");
    const timeline = page.getByRole("region", { name: "Tiến trình hồ sơ" });
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    await expect(timeline.getByRole("listitem").nth(1)).toContainText("Đã nộp");
    await expect(timeline.getByRole("listitem").nth(1)).toContainText(DATE);
    await expect(timeline.getByRole("listitem").nth(1)).toContainText("bởi Nguyễn Văn An");

    await page.getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ của tôi" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Đăng ký khai sinh cho bé/ })).toContainText("Đã nộp");
    await expect(page.getByRole("link", { name: /Gia hạn giấy phép/ })).toHaveCount(0);
  });

  test("Bình, the mother, sees the same dossier and who confirmed it, and agrees with the name", async ({ page }) => {
    await signIn(page, personas.binh);
    await page.getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await page.getByRole("link", { name: /Đăng ký khai sinh cho bé/ }).click();
    await expect(page.getByText("Hồ sơ này đứng tên Nguyễn Văn An")).toBeVisible();
    await expect(page.locator('[data-field="childName"]')).toHaveText("Nguyễn Minh Khang");
    await expect(page.getByRole("region", { name: "Tiến trình hồ sơ" })).toContainText("bởi Nguyễn Văn An");
    await expect(page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" })).toHaveCount(0);
    // The second-parent rule (docs/parents.md): her answer lets the officer approve before her window ends.
    const panel = page.getByRole("region", { name: "Ý kiến của cha mẹ" });
    await expect(panel).toContainText("Tên đã chọn cho bé: Nguyễn Minh Khang");
    await panel.getByRole("button", { name: "Đồng ý" }).click();
    await expect(panel.getByRole("status")).toHaveText("Đã gửi ý kiến của bạn.");
    await expect(panel).toContainText("Trần Thị Bình đã đồng ý với hồ sơ.");
  });
});
