import { expect, test, type Browser } from "@playwright/test";
import { signIn, signInStaff } from "./helpers";

// Issue 15 §2 and §4: a department drafts a service in the form (the JSON as its advanced view), the dry run counts it, the centre approves,
// the next scan prepares it, and the citizen sees it; and a mother's household view of the next 12 months.
// Personas from lib/gov/demo-growth-world.ts: Trương Văn Bảy turns 80 in ten days; Phan Thị Mai's son turns 14 in five months.
const BAY = "048080000051";
const MAI = "048185000053";
const CODE = "elderly-eighty-allowance";

async function pageAs(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a department drafts a service, the dry run counts it, the centre approves, the scan prepares it, the citizen sees it", async ({ browser, request }) => {
  // Three people sign in one after another: longer than one journey on a shared machine.
  test.setTimeout(180_000);
  const dept = await pageAs(browser);
  await signInStaff(dept, "xahoi");
  await dept.goto("/officer/services/draft?from=social-pension");
  // The form: the parts of the definition, field by field, starting from the live social pension.
  await dept.getByLabel("Mã dịch vụ").fill(CODE);
  await dept.getByLabel("Tên dịch vụ (tiếng Việt)").fill("Trợ cấp người cao tuổi từ đủ 80 tuổi");
  await dept.getByLabel("Tên dịch vụ (tiếng Anh)").fill("Allowance from age 80");
  await dept.getByLabel("Tên ngắn (tiếng Việt)").fill("Trợ cấp người cao tuổi 80");
  await dept.getByLabel("Tên ngắn (tiếng Anh)").fill("Allowance at 80");
  await dept.getByLabel("Tuổi", { exact: true }).fill("80");
  // A mistake is named beside its field, in Vietnamese, and the field says it is invalid.
  const fee = dept.getByLabel("Lệ phí (đồng)");
  await fee.fill("-1");
  await expect(dept.getByText("Phải từ 0 trở lên.")).toBeVisible();
  await expect(fee).toHaveAttribute("aria-invalid", "true");
  await fee.fill("0");
  await expect(dept.getByText("Hợp lệ", { exact: true })).toBeVisible();
  // The advanced view is the same draft as JSON; a typo there is named too.
  await dept.getByText("Chế độ nâng cao: định nghĩa dạng JSON").click();
  const editor = dept.getByLabel("Định nghĩa dịch vụ (JSON)");
  const definition = JSON.parse(await editor.inputValue());
  expect(definition).toMatchObject({ code: CODE, shortName: { vi: "Trợ cấp người cao tuổi 80" }, feeVnd: 0, trigger: { kind: "age", years: [80] } });
  await editor.fill(JSON.stringify({ ...definition, trigger: { ...definition.trigger, column: "birth_date; DROP TABLE citizens" } }));
  await expect(dept.getByText(/Chưa hợp lệ: \d+ lỗi/)).toBeVisible();
  await editor.fill(JSON.stringify(definition, null, 2));
  await expect(dept.getByText("Hợp lệ", { exact: true })).toBeVisible();
  await dept.getByRole("checkbox", { name: "Phường Hải Châu" }).check();
  await dept.getByRole("button", { name: "Chạy thử" }).click();
  // One person turns 80: a count that small is hidden, no sample is drawn, and the SMS is previewed with made-up values.
  await expect(dept.getByText("Sẽ chuẩn bị dưới 5 hồ sơ ở mỗi xã, phường đã chọn")).toBeVisible();
  await expect(dept.getByRole("row", { name: /Phường Hải Châu\s*< 5\s*Có/ })).toBeVisible();
  await expect(dept.getByText(/^DVC Da Nang: Ong An: .* Ma doi chieu 0000$/)).toBeVisible();
  await expect(dept.getByText(/Bay/)).toHaveCount(0);
  await dept.getByRole("button", { name: "Gửi Trung tâm phê duyệt" }).click();
  await expect(dept.getByText("Đã gửi phiên bản 1 cho Trung tâm phê duyệt.")).toBeVisible();

  const centre = await pageAs(browser);
  await signInStaff(centre, "trungtam");
  await centre.goto("/officer/services");
  await centre.getByRole("link", { name: /Trợ cấp người cao tuổi 80/ }).click();
  await expect(centre.getByText("Sẽ chuẩn bị dưới 5 hồ sơ ở mỗi xã, phường đã chọn")).toBeVisible();
  await centre.getByRole("button", { name: "Phê duyệt và bật" }).click();
  await expect(centre.getByText("Đã phê duyệt. Dịch vụ chạy từ lần quét tiếp theo.")).toBeVisible();
  await expect(centre.getByText(/Phê duyệt · Phiên bản 1 · trungtam/)).toBeVisible();

  const scan = await request.post("/api/engine/scan", { headers: { Authorization: "Bearer chu-dong-demo-engine-token" } });
  expect((await scan.json()).prepared[CODE]).toBe(1);

  const citizen = await pageAs(browser);
  await signIn(citizen, BAY);
  await expect(citizen.getByText("Trợ cấp người cao tuổi 80")).toBeVisible();
});

test("a mother sees her household's next 12 months and asks for a reminder", async ({ browser }) => {
  const page = await pageAs(browser);
  await signIn(page, MAI);
  await page.getByRole("link", { name: "Xem 12 tháng tới của gia đình" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "12 tháng tới của gia đình" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "Phan Minh Đức" }).filter({ hasText: "Căn cước cho con 14 tuổi" });
  await expect(item).toBeVisible();
  // His card is prepared in about 120 days: the text goes 30 days before that, and can be switched off again.
  await item.getByRole("button", { name: "Nhắn tin nhắc tôi trước 30 ngày" }).click();
  await expect(item.getByText(/^Sẽ nhắn tin nhắc ngày \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await item.getByRole("button", { name: "Tắt nhắc" }).click();
  await expect(item.getByRole("button", { name: "Nhắn tin nhắc tôi trước 30 ngày" })).toBeVisible();
  await page.goto("/my-data");
  await expect(page.getByText("Xem trước 12 tháng tới của gia đình").first()).toBeVisible();
});
