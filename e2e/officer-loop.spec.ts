import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations, personas, signIn, signInStaff } from "./helpers";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test.describe.serial("officers process dossiers to a result", () => {
  let birthCode = "";

  test("the civil-status officer receives and approves An's birth registration", async ({ page }) => {
    await signInStaff(page, "hotich");
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ cần xử lý" })).toBeVisible();
    await expectNoAxeViolations(page);
    const item = page.getByRole("link", { name: /Đăng ký khai sinh cho bé · Nguyễn Văn An/ });
    await expect(item).toContainText("Đã nộp");
    await item.click();
    await page.waitForURL(/\/officer\/dossiers\/HS-/);
    birthCode = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByText("Nguyễn Minh Khang")).toBeVisible();
    await page.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(page.getByRole("status")).toContainText("Đã cập nhật hồ sơ");
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
    await expect(page.getByText(/000\.00\.48\.H17-\d{6}-\d{6}/)).toBeVisible();
    await page.getByRole("button", { name: "Duyệt" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã có kết quả");
    await expect(page.locator('[data-result="birthCertificateNo"]')).toHaveText(/^\d{6}\/\d{4}\/KS-HC$/);
    await expectNoAxeViolations(page);
  });

  test("An sees Đã có kết quả with the certificate number, downloads the result and its QR verifies", async ({ page }) => {
    await signIn(page, personas.an);
    await page.goto(`/dossiers/${birthCode}`);
    await expect(page.locator("[data-status]").first()).toHaveText("Đã có kết quả");
    const certificate = await page.locator('[data-result="birthCertificateNo"]').textContent();
    expect(certificate).toMatch(/KS-HC$/);
    await page.getByRole("link", { name: "Xem kết quả" }).click();
    await expect(page.getByRole("heading", { name: /Giấy khai sinh/ })).toBeVisible();
    await expect(page.getByRole("img", { name: "Mã QR để kiểm tra kết quả" }).locator("svg")).toBeVisible();
    await expect(page.getByText(certificate!)).toBeVisible();
    const verifyUrl = (await page.locator("figcaption .font-mono").textContent())!;
    expect(verifyUrl).toMatch(/\/verify\/[A-Za-z0-9_-]+$/);

    const anonymous = await page.context().browser()!.newPage();
    await anonymous.goto(new URL(verifyUrl).pathname);
    await expect(anonymous.getByRole("heading", { name: "Kết quả hợp lệ" })).toBeVisible();
    await expect(anonymous.getByText("Nguyễn")).toHaveCount(0);
    await anonymous.goto("/verify/khong-phai-ma-that-123");
    await expect(anonymous.getByRole("heading", { name: "Không tìm thấy kết quả hợp lệ" })).toBeVisible();
    await anonymous.close();
  });

  test("a health officer cannot open a civil-status dossier, and a citizen cannot reach /officer", async ({ page }) => {
    await signInStaff(page, "yte");
    const response = await page.goto(`/officer/dossiers/${birthCode}`);
    expect(response?.status()).toBe(404);

    await signIn(page, personas.cuc);
    const asCitizen = await page.goto("/officer");
    expect(asCitizen?.status()).toBe(404);
  });

  test("an approved licence renewal writes the new expiry back: the next scan prepares nothing for it", async ({ page, request }) => {
    await signInStaff(page, "yte");
    await page.getByRole("link", { name: /Gia hạn giấy phép hành nghề y · Lê Thị Cúc/ }).click();
    await page.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
    await page.getByRole("button", { name: "Duyệt" }).click();
    await expect(page.locator('[data-result="newExpiry"]')).toHaveText(/\d{2}\/\d{2}\/\d{4}/);
    const scan = await request.post("/api/engine/scan", { headers: { Authorization: "Bearer chu-dong-demo-engine-token" } });
    expect(scan.status()).toBe(200);
    expect((await scan.json()).prepared["medical-licence-renewal"]).toBe(0);
  });

  test("needs-info round trip: the officer asks, the citizen answers, the dossier returns to the queue", async ({ page }) => {
    await signInStaff(page, "xahoi");
    await page.getByRole("link", { name: /Hỗ trợ hộ nghèo, cận nghèo · Hoàng Thị Em/ }).click();
    await page.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
    await page.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Vui lòng ghi rõ nội dung" })).toBeVisible();
    await page.getByLabel("Ghi chú gửi người dân").fill("Vui lòng xác nhận số nhân khẩu hiện tại của hộ.");
    await page.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Cần bổ sung");

    await signIn(page, personas.em);
    const card = page.getByRole("article", { name: "Hỗ trợ hộ nghèo, cận nghèo" });
    await expect(card).toContainText("Cơ quan cần bạn bổ sung thông tin");
    await card.getByRole("link", { name: "Sửa thông tin" }).click();
    await expect(page.getByRole("region", { name: "Cơ quan cần bạn bổ sung" })).toContainText("số nhân khẩu hiện tại");
    await page.getByLabel("Trả lời cán bộ").fill("Hộ vẫn có 4 người.");
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();

    await signInStaff(page, "xahoi");
    await page.getByRole("link", { name: /Hỗ trợ hộ nghèo, cận nghèo · Hoàng Thị Em/ }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã nộp");
    await expect(page.getByRole("region", { name: "Lịch sử hồ sơ" })).toContainText("Hộ vẫn có 4 người.");
  });

  test("the social-protection officer imports this year's list: good rows land, bad rows are reported by line, dossiers follow", async ({ page }) => {
    const year = new Date().getFullYear();
    const csv = [
      "household_head_id,category,members,commune,year",
      `048095000006,near_poor,3,Phường Hải Châu,${year}`,
      `04809500000X,poor,2,Phường Hải Châu,${year}`,
    ].join("\n");
    await signInStaff(page, "xahoi");
    await page.getByRole("link", { name: "Nhập danh sách" }).click();
    await page.getByLabel("Tệp Excel (.xlsx) hoặc CSV UTF-8").setInputFiles({ name: "ho-ngheo.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    await expect(page.locator('[data-count="accepted"]')).toHaveText("1");
    await expect(page.locator('[data-count="rejected"]')).toHaveText("1");
    await expect(page.locator('[data-count="prepared"]')).toHaveText("1");
    await expect(page.getByRole("table", { name: "Các dòng bị từ chối" })).toContainText("3");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    await expect(page.locator('[data-count="unchanged"]')).toHaveText("1");
    await expect(page.locator('[data-count="accepted"]')).toHaveText("0");
    await expect(page.locator('[data-count="prepared"]')).toHaveText("0");
  });

  test("the officer imports an Excel list; a CSV in another encoding is refused whole, with a clear message", async ({ page }) => {
    const year = new Date().getFullYear();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Danh sách");
    sheet.addRow(["household_head_id", "category", "members", "commune", "year"]);
    sheet.addRow(["048095000006", "cận nghèo", 4, "Phường Hải Châu", year]);
    await signInStaff(page, "xahoi");
    await page.getByRole("link", { name: "Nhập danh sách" }).click();
    const file = page.getByLabel("Tệp Excel (.xlsx) hoặc CSV UTF-8");
    await file.setInputFiles({ name: "ho-ngheo.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    // The row lands (or is already there, on a re-run against the same data): read from the sheet, not refused.
    await expect(page.locator('[data-count="rejected"]')).toHaveText("0");
    await expect(page.locator('[data-count="accepted"], [data-count="unchanged"]').filter({ hasText: /^1$/ })).toHaveCount(1);

    // "Phường Hải Châu" as Excel's "CSV (Comma delimited)" writes it on a Vietnamese Windows (code page 1258).
    const windows1258 = Buffer.concat([
      Buffer.from(`household_head_id,category,members,commune,year\n048095000006,poor,2,Ph`),
      Buffer.from([0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x48, 0x61, 0xd2, 0x69, 0x20, 0x43, 0x68, 0xe2, 0x75]),
      Buffer.from(`,${year}\n`),
    ]);
    await file.setInputFiles({ name: "ho-ngheo.csv", mimeType: "text/csv", buffer: windows1258 });
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "UTF-8" });
    await expect(refusal).toContainText("phải được mã hóa UTF-8");
    await expect(refusal).toContainText("không dòng nào được nhập");
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/officer-import-refused.png" });
  });
});
