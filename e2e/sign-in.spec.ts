import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, personas, signIn } from "./helpers";

test("a wrong passcode gets a clear Vietnamese error and no session", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await expect(page).toHaveURL(/\/vneid\/authorize\?.*code_challenge_method=S256/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Số định danh cá nhân").fill(personas.an);
  await page.getByLabel("Mật khẩu").fill("000000");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Số định danh cá nhân hoặc mật khẩu không đúng" })).toBeVisible();
  await expect(page.getByLabel("Số định danh cá nhân")).toHaveValue(personas.an);
  expect(page.url()).not.toContain(personas.an);
  await page.goto("/dossiers");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, personas.an);
  await page.getByRole("link", { name: "Tài khoản" }).click();
  await expect(page.getByText("0480•••••001")).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
