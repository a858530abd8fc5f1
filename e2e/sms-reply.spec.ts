import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, personas, signIn } from "./helpers";

const KHOA_PHONE = "0905000021";
const LAN_PHONE = "0905000022";

/** The simulated phone's newest message from DVC Da Nang. */
const newestAnswer = (page: Page) => page.locator('li[data-direction="out"]').first();

async function replyFromPhone(page: Page, text: string) {
  await page.getByLabel(`Trả lời từ số ${KHOA_PHONE}`).fill(text);
  await page.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(page.getByRole("status")).toHaveText(/Đã gửi/);
}

// Issue 14 §1 on a dossier of its own: Khoa (a basic phone) names his son and confirms by SMS reply.
test.describe.serial("a father names the baby and confirms by SMS reply", () => {
  let dossierCode = "";
  let match = "";

  test("the hospital's notice prepares the dossier and texts Khoa its match code", async ({ request }) => {
    const birthDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const notice = { certificateNo: `GCS-E2E-SMS-${Date.now()}`, hospital: "Bệnh viện Phụ sản – Nhi Đà Nẵng", birthDate, sex: "male", motherId: personas.lan, fatherId: personas.khoa };
    const created = await request.post("/api/gov/births", { data: notice, headers: { Authorization: "Bearer demo-hospital-key" } });
    expect(created.status()).toBe(201);
    dossierCode = (await created.json()).dossierCode;
    const inbox = await (await request.get(`/api/dev/sms?phone=${KHOA_PHONE}`)).json();
    const first = inbox.messages.map((m: { body: string }) => m.body).find((b: string) => b.startsWith("DVC Da Nang: Chuc mung"));
    match = /Ma doi chieu (\d{4})$/.exec(first)![1]!;
  });

  test("in /dev/sms he replies: a name without marks is not taken, one with marks gets the summary and a code, XN with it submits", async ({ page }) => {
    await page.goto(`/dev/sms?phone=${KHOA_PHONE}`);
    await replyFromPhone(page, `TEN ${match} Phan Minh Khoi`);
    await expect(newestAnswer(page)).toContainText("Ten chua co dau, chua luu");

    await replyFromPhone(page, `ten ${match} Phan Minh Khôi`);
    const summary = newestAnswer(page);
    await expect(summary).toContainText("PHAN MINH KHOI");
    await expect(page.locator('li[data-direction="in"]').first()).toContainText(`ten ${match} Phan Minh Khôi`);
    const code = /Ma xac nhan (\d{6})/.exec((await summary.textContent())!)![1]!;

    await replyFromPhone(page, `XN ${match} ${code}`);
    await expect(newestAnswer(page)).toContainText(`Ho so ${dossierCode} da duoc nop qua SMS`);
    // A second XN with the same code submits nothing more.
    await replyFromPhone(page, `XN ${match} ${code}`);
    await expect(newestAnswer(page)).toContainText("da duoc nop truoc do");
    await expectNoAxeViolations(page);
  });

  test("the web dossier, signed in, shows it submitted by SMS, and Lan is told the name", async ({ page, request }) => {
    await signIn(page, personas.khoa);
    await page.goto(`/dossiers/${dossierCode}`);
    await expect(page.getByRole("heading", { level: 1, name: "Đăng ký khai sinh cho bé" })).toBeVisible();
    await expect(page.getByText("Đã nộp", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Ý kiến của cha mẹ" })).toContainText("Tên đã chọn cho bé: Phan Minh Khôi");
    const timeline = page.getByRole("region", { name: "Tiến trình hồ sơ" });
    await expect(timeline.getByRole("listitem").filter({ hasText: "Đã nộp" }).filter({ hasText: "qua SMS" })).toHaveCount(1);
    await expect(timeline).toContainText("Đã gửi tóm tắt và mã xác nhận qua SMS");
    const inbox = await (await request.get(`/api/dev/sms?phone=${LAN_PHONE}`)).json();
    expect(inbox.messages.map((m: { body: string }) => m.body)).toContainEqual(expect.stringMatching(/ten be la Phan Minh Khoi\. Phan doi truoc/));
  });
});
