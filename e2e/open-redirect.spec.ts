import { expect, test } from "@playwright/test";

// /staff/login?callbackUrl=… then a real sign-in: every variant must land on our own origin.
const variants = {
  tab: "/\t/evil.example",
  newline: "/\n/evil.example",
  backslash: "/\\evil.example",
  "slash-backslash": "/\\/evil.example",
  "protocol-relative": "//evil.example",
  "encoded tab": "/%09/evil.example",
  "encoded slashes": "/%2F%2Fevil.example",
  absolute: "https://evil.example/",
};

test.describe("open redirects after a staff sign-in", () => {
  for (const [name, callbackUrl] of Object.entries(variants)) {
    test(`callbackUrl ${name} stays on this origin`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(origin)) offsite.push(r.url());
      });
      await page.goto(`/staff/login?${new URLSearchParams({ callbackUrl })}`);
      await page.getByLabel("Tên đăng nhập").fill("hotich");
      await page.getByLabel("Mật khẩu").fill("123456");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/staff"));
      expect(new URL(page.url()).origin).toBe(origin);
      expect(new URL(page.url()).pathname).toBe("/officer");
      expect(offsite).toEqual([]);
    });
  }

  test("a tampered form post gets a Location on this origin too", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    for (const callbackUrl of Object.values(variants)) {
      const r = await request.post("/staff/session", {
        headers: { origin },
        form: { username: "hotich", password: "123456", callbackUrl },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      expect(r.status(), callbackUrl).toBe(303);
      const location = r.headers().location!;
      expect(location, callbackUrl).toBe("/staff/home");
      expect(new URL(location, origin).origin).toBe(origin);
    }
  });
});
