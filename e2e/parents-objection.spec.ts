import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, personas, signIn, signInStaff } from "./helpers";

const BINH_PHONE = "0905000002";
const REASON = "Hai vợ chồng chưa thống nhất: tôi muốn bé mang họ mẹ.";
const SETTLEMENT = "Đã gặp cả hai cha mẹ tại phường: thống nhất giữ tên Nguyễn Minh Quân.";

// The second-parent rule (docs/parents.md) end to end, on a dossier of its own: a second child of An and Bình.
test.describe.serial("both parents: An names and confirms, Bình objects, the officer settles and approves", () => {
  let dossierCode = "";

  test("the hospital's notice prepares a dossier and texts both parents", async ({ request }) => {
    const birthDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const notice = { certificateNo: `GCS-E2E-PARENTS-${Date.now()}`, hospital: "Bệnh viện Phụ sản – Nhi Đà Nẵng", birthDate, sex: "male", motherId: personas.binh, fatherId: personas.an };
    const created = await request.post("/api/gov/births", { data: notice, headers: { Authorization: "Bearer demo-hospital-key" } });
    expect(created.status()).toBe(201);
    dossierCode = (await created.json()).dossierCode;
    const inbox = await (await request.get(`/api/dev/sms?phone=${BINH_PHONE}`)).json();
    expect(inbox.messages.map((m: { body: string }) => m.body)).toContainEqual(expect.stringMatching(/^DVC Da Nang: Chuc mung chi Binh! .* Ma doi chieu \d{4}$/));
  });

  test("An names the baby and confirms; he sees that Bình may still object", async ({ page }) => {
    await signIn(page, personas.an);
    await page.goto(`/dossiers/${dossierCode}`);
    await page.getByLabel(/Họ và tên của bé/).fill("Nguyễn Minh Quân");
    await page.getByText("Gửi về nhà qua bưu điện").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    // The child's name is permanent: it is read back in large print before it is sent.
    await page.getByRole("button", { name: "Đúng, gửi hồ sơ" }).click();
    await expect(page.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();
    const panel = page.getByRole("region", { name: "Ý kiến của cha mẹ" });
    await expect(panel).toContainText("Trần Thị Bình có thể báo không đồng ý đến hết ngày");
    await expect(panel.getByRole("button")).toHaveCount(0);
  });

  test("Bình is told the name by SMS and in the app, and taps Không đồng ý with a reason", async ({ page, request }) => {
    const inbox = await (await request.get(`/api/dev/sms?phone=${BINH_PHONE}`)).json();
    expect(inbox.messages.map((m: { body: string }) => m.body)).toContainEqual(
      expect.stringMatching(/^DVC Da Nang: chi Binh: ten be la Nguyen Minh Quan\. Phan doi truoc \d{2}\/\d{2}: https?:\/\/\S+\/s\/[\w-]{22} Ma doi chieu \d{4}$/),
    );
    await signIn(page, personas.binh);
    await page.goto(`/dossiers/${dossierCode}`);
    const panel = page.getByRole("region", { name: "Ý kiến của cha mẹ" });
    await expect(panel).toContainText("Tên đã chọn cho bé: Nguyễn Minh Quân");
    await expect(panel).toContainText("Nguyễn Văn An đã xác nhận hồ sơ");
    await expectNoAxeViolations(page);
    await panel.getByText("Không đồng ý", { exact: true }).click();
    await panel.getByRole("button", { name: "Gửi ý kiến không đồng ý" }).click();
    // The browser's own check stops an empty reason; the server refuses one made of spaces.
    await panel.getByLabel("Lý do bạn không đồng ý").fill("   ");
    await panel.getByRole("button", { name: "Gửi ý kiến không đồng ý" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Vui lòng ghi lý do bạn không đồng ý." })).toBeVisible();
    await panel.getByLabel("Lý do bạn không đồng ý").fill(REASON);
    await panel.getByRole("button", { name: "Gửi ý kiến không đồng ý" }).click();
    await expect(panel.getByRole("status")).toHaveText("Đã gửi ý kiến của bạn.");
    await expect(panel).toContainText(`Trần Thị Bình không đồng ý: ${REASON}`);
    await expect(panel.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Tiến trình hồ sơ" })).toContainText("Cha/mẹ còn lại không đồng ý");
  });

  test("the officer sees the objection, cannot approve, settles it with both parents, then approves", async ({ page }) => {
    await signInStaff(page, "hotich");
    await page.goto(`/officer/dossiers/${dossierCode}`);
    const parents = page.getByRole("region", { name: "Ý kiến của cha mẹ" });
    await expect(parents).toContainText(`Trần Thị Bình không đồng ý: ${REASON}`);
    await page.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
    await page.getByRole("button", { name: "Duyệt" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Chưa thể duyệt: cha/mẹ còn lại không đồng ý và chưa được giải quyết." })).toBeVisible();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã tiếp nhận");
    await expectNoAxeViolations(page);

    await parents.getByLabel("Kết quả trao đổi với cha mẹ").fill(SETTLEMENT);
    await parents.getByRole("button", { name: "Ghi nhận đã giải quyết" }).click();
    await expect(page.getByRole("status")).toContainText("Đã cập nhật hồ sơ");
    await expect(parents).toContainText(`Đã giải quyết: ${SETTLEMENT}`);
    await page.getByRole("button", { name: "Duyệt" }).click();
    await expect(page.locator("[data-status]").first()).toHaveText("Đã có kết quả");
    await expect(page.getByRole("region", { name: "Lịch sử hồ sơ" })).toContainText("Cán bộ đã giải quyết ý kiến của cha mẹ");
  });

  test("Bình sees how it was settled and the result", async ({ page }) => {
    await signIn(page, personas.binh);
    await page.goto(`/dossiers/${dossierCode}`);
    await expect(page.locator("[data-status]").first()).toHaveText("Đã có kết quả");
    await expect(page.getByRole("region", { name: "Ý kiến của cha mẹ" })).toContainText(`Cán bộ đã giải quyết: ${SETTLEMENT}`);
  });
});
