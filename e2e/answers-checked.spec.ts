import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { personas, signIn } from "./helpers";

// Runs before the other journeys (file order) and submits nothing: every dossier it opens is left as prepared.
test.use({ viewport: { width: 360, height: 740 } });
// Several sign-ins and full pages per journey: give them the slow-test budget.
test.beforeEach(() => test.slow());

const SHOTS = "test-results/screens-360";
const RED = "185, 28, 28";

async function dossierPath(page: Page, serviceCode: string): Promise<string> {
  const list = await page.request.get("/api/v1/dossiers");
  const found = ((await list.json()).dossiers as { code: string; serviceCode: string }[]).find((d) => d.serviceCode === serviceCode);
  expect(found, serviceCode).toBeTruthy();
  return `/dossiers/${found!.code}`;
}

/** The smallest computed font size of any visible text in the element (px). */
async function smallestText(page: Page, selector: string): Promise<{ size: number; text: string }> {
  return page.locator(selector).first().evaluate((root) => {
    let smallest = { size: Infinity, text: "" };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest(".sr-only,[hidden]")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest.size) smallest = { size, text: node.textContent.trim().slice(0, 40) };
    }
    return smallest;
  });
}

test("Em's bank transfer needs the bank, account number and holder; cash is paid at her xã; changes list her household by name", async ({ page }) => {
  await signIn(page, personas.em);
  await page.goto(await dossierPath(page, "poor-household-support"));
  await expect(page.getByText("Nhận tiền mặt tại UBND xã Hòa Vang")).toBeVisible();
  // Her own xã, never a hard-coded phường; the desk list offers every ward and commune, hers preselected.
  const phuongOutsideTheList = () =>
    page.evaluate(() => [...document.querySelectorAll("body *:not(option):not(select):not(script):not(template)")].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.includes("UBND phường"))).length);
  expect(await phuongOutsideTheList()).toBe(0);
  await expect(page.getByLabel("Chọn Bộ phận Một cửa")).toHaveValue("Xã Hòa Vang");
  await expect(page.getByText(/nếu chuyển khoản/)).toHaveCount(0);
  await expect(page.getByLabel(/Số tài khoản/)).toHaveCount(0);

  await page.getByText("Chuyển khoản ngân hàng").click();
  for (const label of [/^Ngân hàng/, /^Số tài khoản/, /^Chủ tài khoản/]) {
    await expect(page.getByLabel(label)).toBeVisible();
    await expect(page.locator("label", { hasText: label })).toContainText("(bắt buộc)");
  }
  await expect(page.getByLabel(/^Chủ tài khoản/)).toHaveValue("Hoàng Thị Em");
  await page.getByText("Nhận tại Trung tâm phục vụ hành chính công").click();
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Vui lòng điền thông tin này." });
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(page.getByLabel(/^Số tài khoản/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-status]").first()).toHaveText("Đã chuẩn bị");

  await page.getByText("Có thay đổi").click();
  await expect(page.getByRole("heading", { name: "Ai còn ở cùng hộ?" })).toBeVisible();
  for (const name of ["Lê Văn Phúc", "Lê Thị Hoa", "Lê Văn Quý"]) await expect(page.getByRole("group", { name: new RegExp(`^${name}`) })).toBeVisible();
  const hoa = page.getByRole("group", { name: /^Lê Thị Hoa/ });
  await expect(page.getByLabel(/Vì sao Lê Thị Hoa không còn ở cùng/)).toHaveCount(0);
  await hoa.getByText("Không còn ở cùng").click();
  await expect(page.getByLabel(/Vì sao Lê Thị Hoa không còn ở cùng/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/em-bank-members.png`, fullPage: true });
});

test("the child's name gets soft warnings and a large-print Kiểm tra lại; the father's hometown is shown and the pre-selected choice is not red", async ({ page }) => {
  await signIn(page, personas.an);
  await page.goto(await dossierPath(page, "birth-registration"));
  const father = page.locator("label", { hasText: "Theo quê quán của cha" });
  await expect(father).toContainText("Phường Hội An, Thành phố Đà Nẵng");
  await expect(father.locator("input")).toBeChecked();
  const ring = await father.evaluate((el) => `${getComputedStyle(el).boxShadow} ${getComputedStyle(el).borderColor}`);
  expect(ring).not.toContain(RED);
  await expect(page.getByRole("group", { name: /Quê quán của bé/ })).not.toHaveClass(/border-red/);

  const name = page.getByLabel(/Họ và tên của bé/);
  const warnings = page.locator("[data-name-warnings]");
  await name.fill("Nguyen Minh Khang");
  await expect(warnings).toContainText("Tên chưa có dấu");
  await name.fill("nguyễn minh khang");
  await expect(warnings).toContainText("chưa viết hoa");
  await name.fill("Lê Minh Khang");
  await expect(warnings).toContainText("không giống họ của cha hay mẹ");
  await name.fill("Nguyễn Thị Minh-Anh Hơ Niê Kpă Ánh");
  await expect(warnings).toHaveCount(0);
  await name.fill("Lê Minh Khang");

  await page.getByText("Gửi về nhà qua bưu điện").click();
  await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
  await page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
  await expect(page.getByRole("heading", { name: "Kiểm tra lại" })).toBeFocused();
  const reviewed = page.locator('[data-review-field="childName"]');
  await expect(reviewed).toHaveText("Lê Minh Khang");
  expect(parseFloat(await reviewed.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
  await expect(page.locator("[data-review]")).toContainText("không giống họ của cha hay mẹ");
  await expect(page.locator('[data-review-field="hometown"]')).toHaveText("Theo quê quán của cha");
  await page.screenshot({ path: `${SHOTS}/an-review.png`, fullPage: true });
  await page.getByRole("button", { name: "Sửa lại" }).click();
  await expect(page.locator("[data-review]")).toHaveCount(0);
  await expect(page.locator("[data-status]").first()).toHaveText("Đã chuẩn bị");
});

test("words and sizes at 360 px: text ≥ 14 px, Dành cho bạn on one line, jargon explained, schools with address and zone, the fee says how to pay", async ({ page }) => {
  await signIn(page, personas.giang);
  await expect(page.getByText(/“Chủ động” nghĩa là/)).toBeVisible();
  const navLabel = page.getByRole("navigation", { name: /./ }).last().getByText("Dành cho bạn");
  const box = await navLabel.evaluate((el) => ({ h: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) || 20 }));
  expect(box.h).toBeLessThan(box.line * 1.5);
  const nav = await smallestText(page, "nav >> nth=-1");
  expect(nav.size, nav.text).toBeGreaterThanOrEqual(14);
  const home = await smallestText(page, "main");
  expect(home.size, home.text).toBeGreaterThanOrEqual(14);
  await page.screenshot({ path: `${SHOTS}/giang-home.png`, fullPage: true });

  await page.goto(await dossierPath(page, "school-enrollment"));
  const schools: [string, string][] = [
    ["Trường Tiểu học Phù Đổng", "24 Hoàng Văn Thụ"],
    ["Trường Tiểu học Lê Văn Tám", "81 Lê Lợi"],
  ];
  for (const [school, address] of schools) {
    const option = page.locator("label", { hasText: school });
    await expect(option).toContainText(address);
    await expect(option).toContainText("Đúng tuyến: cùng phường Hải Châu với nơi thường trú của bé");
  }
  const source = page.getByText(/^Nguồn:/).first();
  expect(parseFloat(await source.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14);
  const dossier = await smallestText(page, "main");
  expect(dossier.size, dossier.text).toBeGreaterThanOrEqual(14);
  await expect(page.getByText(/Mã đối chiếu là 4 ký tự/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/giang-school.png`, fullPage: true });

  await page.goto(await dossierPath(page, "tour-guide-card-renewal"));
  await expect(page.locator("label", { hasText: "Tại điểm" })).toContainText("Chỉ hướng dẫn trong một khu, điểm du lịch nhất định.");
  const fee = page.locator("[data-fee-payment]");
  await expect(fee).toContainText("Lệ phí 650.000");
  await expect(fee).toContainText("Cách nộp:");
  await expect(fee).toContainText("Nơi nộp: Sở Văn hóa, Thể thao và Du lịch");
  await expect(fee).toContainText("Hạn nộp: trong 10 ngày làm việc");
  await page.screenshot({ path: `${SHOTS}/giang-tour-fee.png`, fullPage: true });
});

test("a wrong passcode says how many tries are left; a lock says when it lifts and where to get help", async ({ page, request, baseURL }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Số định danh cá nhân").fill(personas.giang);
  await page.getByLabel("Mật khẩu").fill("000000");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.locator("#signin-error")).toContainText(/Còn \d lần thử trước khi bị tạm khóa/);
  await page.screenshot({ path: `${SHOTS}/vneid-tries-left.png`, fullPage: true });
  await page.getByLabel("Mật khẩu").fill("123456");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dành cho bạn" })).toBeVisible();

  const origin = new URL(baseURL!).origin;
  const lockedOut = await lockOut(request, origin);
  expect(lockedOut.status()).toBe(429);
  const text = await lockedOut.text();
  expect(text).toMatch(/tạm khóa đến \d{2}:\d{2}/);
  expect(text).toContain("1022");
  expect(text).toContain("Bộ phận một cửa");
});

async function lockOut(request: APIRequestContext, origin: string) {
  const start = await request.post("/login/vneid", { headers: { origin }, form: { callbackUrl: "/" }, maxRedirects: 0 });
  const authorize = Object.fromEntries(new URL(start.headers().location!, origin).searchParams);
  // An id nobody has and a test address of its own: no persona and no other test is locked out.
  const unknownId = `0480888${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
  const ip = `198.18.0.${1 + Math.floor(Math.random() * 250)}`;
  const attempt = () =>
    request.post("/vneid/login", {
      headers: { origin, "x-forwarded-for": ip, "accept-language": "vi" },
      form: { ...authorize, personal_id: unknownId, passcode: "000000" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  for (let i = 0; i < 5; i++) await attempt();
  return attempt();
}
