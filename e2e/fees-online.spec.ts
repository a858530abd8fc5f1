import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, personas, signIn, signInStaff } from "./helpers";

test.describe.serial("a fee paid online", () => {
  let code = "";

  test("Giang confirms her tour guide card renewal, cancels at the gateway, then pays and keeps the receipt", async ({ page }) => {
    await signIn(page, personas.giang);
    await page.getByRole("article", { name: "Gia hạn thẻ hướng dẫn viên" }).getByRole("link", { name: /Xác nhận/ }).click();
    await page.waitForURL(/\/dossiers\/HS-/);
    code = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByText("Nhận tại Trung tâm").first().click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();

    const fee = page.locator("#le-phi");
    await expect(fee).toContainText("650.000");
    await fee.getByRole("button", { name: /Thanh toán trực tuyến/ }).click();
    await expect(page.getByRole("heading", { name: "Thanh toán đơn hàng" })).toBeVisible();
    await expect(page.getByText(`Le phi ho so ${code}`)).toBeVisible();
    await page.getByRole("button", { name: "Hủy giao dịch" }).click();
    await expect(page.getByRole("status")).toContainText("Bạn đã hủy thanh toán");
    await page.getByRole("link", { name: `Về hồ sơ ${code}` }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
    await expect(fee).toContainText("Lần trước bạn đã hủy thanh toán");

    await fee.getByRole("button", { name: /Thanh toán trực tuyến/ }).click();
    await page.getByRole("button", { name: "Thanh toán", exact: true }).click();
    await expect(page.getByRole("status")).toContainText(/Thanh toán thành công\. Biên lai số BL\d{4}-\d{7}/);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: `Về hồ sơ ${code}` }).click();
    await expect(fee.getByRole("status")).toContainText(/Đã nộp lệ phí lúc .* Biên lai số BL\d{4}-\d{7}/);
    await expect(page.getByText("Đã nộp lệ phí", { exact: true })).toBeVisible();

    const download = page.waitForEvent("download");
    await fee.getByRole("link", { name: "Tải biên lai điện tử" }).click();
    const file = await (await download).path();
    const { readFileSync } = await import("node:fs");
    const receipt = readFileSync(file, "utf8");
    expect(receipt).toContain("BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ");
    expect(receipt).toContain(code);
    expect(receipt).toMatch(/650\.000/);
  });

  test("the tourism officer sees the dossier as paid and receives it", async ({ page }) => {
    await signInStaff(page, "dulich");
    await page.goto(`/officer/dossiers/${code}`);
    await expect(page.getByTestId("fee-state")).toContainText(/Đã nộp · biên lai BL\d{4}-\d{7}/);
    await page.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
  });
});
