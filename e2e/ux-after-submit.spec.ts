import { expect, test, type Page } from "@playwright/test";
import { personas, signIn, signInStaff } from "./helpers";

// Runs after the other journeys (file order). Giang's tour-guide card may already be submitted by the
// security journey's parallel confirms; either way it is followed here to its delivered result.
test.use({ viewport: { width: 360, height: 740 } });
// Several sign-ins and full pages per journey: give them the slow-test budget.
test.beforeEach(() => test.slow());

const SHOTS = "test-results/screens-360";
const DATE = /\d{2}\/\d{2}\/\d{4}/;

async function tourPath(page: Page): Promise<{ path: string; status: string }> {
  const list = await page.request.get("/api/v1/dossiers");
  const tour = ((await list.json()).dossiers as { code: string; serviceCode: string; status: string }[]).find(
    (d) => d.serviceCode === "tour-guide-card-renewal",
  )!;
  return { path: `/dossiers/${tour.code}`, status: tour.status };
}

test.describe.serial("after submitting: the dossier stays in sight, the fee says how to pay, the result can be downloaded and verified", () => {
  test("Giang submits his tour-guide card: the fee says how, where and by when; the home page keeps it under Đang xử lý", async ({ page }) => {
    await signIn(page, personas.giang);
    const tour = await tourPath(page);
    await page.goto(tour.path);
    if (tour.status === "prepared") {
      await page.getByText("Gửi về nhà qua bưu điện").click();
      await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
      await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
      await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    }
    // Paid online already (fees-online.spec.ts): the receipt replaces how, where and by when to pay.
    if (await page.locator("#le-phi").getByText(/Đã nộp lệ phí lúc/).isVisible()) {
      await expect(page.locator("[data-fee-payment]")).toHaveCount(0);
    } else {
      const fee = page.locator("[data-fee-payment]");
      await expect(fee).toContainText("Lệ phí 650.000");
      await expect(fee).toContainText("Cách nộp:");
      await expect(fee).toContainText("Nơi nộp:");
      await expect(fee).toContainText(/Hạn nộp: trước ngày \d{2}\/\d{2}\/\d{4}/);
    }
    await page.screenshot({ path: `${SHOTS}/giang-submitted-fee.png`, fullPage: true });

    await page.getByRole("link", { name: "Dành cho bạn" }).click();
    const processing = page.getByRole("region", { name: "Đang xử lý" });
    const card = processing.getByRole("article", { name: "Gia hạn thẻ hướng dẫn viên" });
    await expect(card).toContainText(/Hẹn trả \d{2}\/\d{2}\/\d{4}/);
    await page.screenshot({ path: `${SHOTS}/giang-home-processing.png`, fullPage: true });
  });

  test("the officer approves and posts the card; Giang gets Tải PDF and In, a tracking link, no stale Hẹn trả; /verify shows the number without personal data", async ({ page, browser }) => {
    await signInStaff(page, "dulich");
    await page.getByRole("link", { name: /Gia hạn thẻ hướng dẫn viên · Võ Minh Giang/ }).click();
    const steps: [action: string, status: string][] = [
      ["Tiếp nhận", "Đã tiếp nhận"],
      ["Duyệt", "Đã có kết quả"],
      ["Đã trả kết quả", "Đã trả kết quả"],
    ];
    for (const [action, status] of steps) {
      await page.getByRole("button", { name: action }).click();
      await expect(page.locator("[data-status]").first()).toHaveText(status);
    }

    await signIn(page, personas.giang);
    const tour = await tourPath(page);
    await page.goto(tour.path);
    await expect(page.getByText("Hẹn trả kết quả")).toHaveCount(0);
    const track = page.getByRole("link", { name: /Tra cứu bưu gửi EB\d{9}VN trên trang VNPost/ });
    await expect(track).toHaveAttribute("href", /^https:\/\/vnpost\.vn\/.*EB\d{9}VN$/);
    await expect(page.getByRole("link", { name: "In" })).toBeVisible();
    const pdfLink = page.getByRole("link", { name: "Tải PDF" });
    const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.screenshot({ path: `${SHOTS}/giang-result.png`, fullPage: true });

    await page.goto(`${tour.path}/result`);
    await expect(page.getByRole("button", { name: "In" })).toBeVisible();
    const verifyUrl = (await page.locator("figcaption .font-mono").textContent())!;
    const anonymous = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await anonymous.goto(new URL(verifyUrl).pathname);
    await expect(anonymous.locator("[data-gov-header]")).toContainText("Cộng hòa xã hội chủ nghĩa Việt Nam");
    await expect(anonymous.getByRole("heading", { name: "Kết quả hợp lệ" })).toBeVisible();
    await expect(anonymous.locator('[data-verify="number"]')).toHaveText("148190123");
    await expect(anonymous.getByText("Sở Văn hóa, Thể thao và Du lịch")).toBeVisible();
    await expect(anonymous.getByText("Thẻ hướng dẫn viên mới")).toBeVisible();
    await expect(anonymous.getByText(/Võ Minh Giang|Trần Phú|048095000006/)).toHaveCount(0);
    await expect(anonymous.getByText(DATE)).toBeVisible();
    await anonymous.screenshot({ path: `${SHOTS}/verify.png`, fullPage: true });
    await anonymous.close();
  });
});
