import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, personas, signIn, signInStaff } from "./helpers";

// After security.spec.ts (which submits Giang's tour guide card) and before ux-after-submit.spec.ts
// (which takes it to its result): the fee is paid online in between.
test.describe.serial("a fee paid online", () => {
  let code = "";

  async function tourCode(page: Page): Promise<{ code: string; status: string }> {
    const list = await page.request.get("/api/v1/dossiers");
    return ((await list.json()).dossiers as { code: string; serviceCode: string; status: string }[]).find((d) => d.serviceCode === "tour-guide-card-renewal")!;
  }

  test("the officer cannot receive a dossier whose fee is unpaid", async ({ page }) => {
    await signIn(page, personas.giang);
    const tour = await tourCode(page);
    code = tour.code;
    if (tour.status === "prepared") {
      await page.goto(`/dossiers/${code}`);
      await page.getByText("Gửi về nhà qua bưu điện").click();
      await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
      await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
      await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    }
    const officer = await page.context().browser()!.newPage();
    await signInStaff(officer, "dulich");
    await officer.goto(`/officer/dossiers/${code}`);
    await expect(officer.getByTestId("fee-state")).toHaveText("Chưa nộp");
    // Not offered until the fee is paid: the page says what it waits for.
    await expect(officer.getByRole("button", { name: "Tiếp nhận" })).toHaveCount(0);
    await expect(officer.getByTestId("awaiting-fee")).toContainText("Chờ công dân nộp phí");
    await expect(officer.locator("[data-status]").first()).toHaveText("Đã nộp");
    await officer.close();
  });

  test("Giang cancels at the gateway, then pays, and keeps the receipt; the officer sees it paid", async ({ page }) => {
    await signIn(page, personas.giang);
    await page.goto(`/dossiers/${code}`);
    const fee = page.locator("#le-phi");
    await fee.getByRole("button", { name: /Thanh toán trực tuyến 650\.000/ }).click();
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
    await expect(page.locator("[data-fee-payment]")).toHaveCount(0);

    const download = page.waitForEvent("download");
    await fee.getByRole("link", { name: "Tải biên lai điện tử" }).click();
    const receipt = readFileSync((await (await download).path())!, "utf8");
    expect(receipt).toContain("BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ");
    expect(receipt).toContain(code);
    expect(receipt).toMatch(/650\.000/);

    await signInStaff(page, "dulich");
    await page.goto(`/officer/dossiers/${code}`);
    await expect(page.getByTestId("fee-state")).toContainText(/Đã nộp · biên lai BL\d{4}-\d{7}/);
    await expect(page.getByRole("button", { name: "Tiếp nhận" })).toBeVisible();
    await expect(page.getByTestId("awaiting-fee")).toHaveCount(0);
  });
});
