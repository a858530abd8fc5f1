import { expect, test } from "@playwright/test";
import { personas } from "./helpers";

const HAI = "048088000007";
const HAI_PHONE = "0905000007";

test("a hospital's birth notice becomes a prepared dossier, an SMS in the simulator, and a link that opens it after login", async ({ page, request, browser }) => {
  const birthDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  const notice = {
    certificateNo: `GCS-E2E-${Date.now()}`,
    hospital: "Bệnh viện Đà Nẵng",
    birthDate,
    sex: "female",
    motherId: "048185000003",
    fatherId: HAI,
    weightGrams: 3050,
  };
  const unauthorised = await request.post("/api/gov/births", { data: notice, headers: { Authorization: "Bearer wrong-key" } });
  expect(unauthorised.status()).toBe(401);

  const created = await request.post("/api/gov/births", { data: notice, headers: { Authorization: "Bearer demo-hospital-key" } });
  expect(created.status()).toBe(201);
  const { dossierCode } = await created.json();
  const again = await request.post("/api/gov/births", { data: notice, headers: { Authorization: "Bearer demo-hospital-key" } });
  expect(again.status()).toBe(200);
  expect((await again.json()).dossierCode).toBe(dossierCode);

  const inbox = await (await request.get(`/api/dev/sms?phone=${HAI_PHONE}`)).json();
  const texts = inbox.messages.filter((m: { body: string }) => m.body.includes("Ho so khai sinh"));
  expect(texts).toHaveLength(1);
  expect(texts[0].body).toMatch(/^DVC Da Nang: Chuc mung anh Hai! .* Ma doi chieu \d{4}$/);
  expect(texts[0].body).not.toMatch(/\d{12}/);

  await page.goto(`/dev/sms?phone=${HAI_PHONE}`);
  const link = page.getByRole("link", { name: /\/s\// }).first();
  const linkPath = new URL((await link.getAttribute("href"))!).pathname;

  const stranger = await browser.newPage();
  await stranger.goto("/login");
  await stranger.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await stranger.getByLabel("Số định danh cá nhân").fill(personas.an);
  await stranger.getByLabel("Mật khẩu").fill("123456");
  await stranger.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await stranger.waitForURL((url) => url.pathname === "/");
  const response = await stranger.goto(linkPath);
  expect(response?.status()).toBe(404);
  await stranger.close();

  await page.goto(linkPath);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Số định danh cá nhân").fill(HAI);
  await page.getByLabel("Mật khẩu").fill("123456");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierCode}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký khai sinh cho bé" })).toBeVisible();
  const matchCode = texts[0].body.match(/Ma doi chieu (\d{4})$/)[1];
  await expect(page.getByText(`Mã đối chiếu tin nhắn: ${matchCode}`)).toBeVisible();
});
