import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const personas = {
  an: "048090000001",
  binh: "048190000002",
  cuc: "048185000003",
  em: "048175000005",
  giang: "048095000006",
  khoa: "048089000021",
  lan: "048193000022",
} as const;

/** Signs in through the real flow: our sign-in page → mock VNeID → Auth.js callback. */
export async function signIn(page: Page, personalId: string, passcode = "123456") {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập bằng VNeID" }).click();
  await page.getByLabel("Số định danh cá nhân").fill(personalId);
  await page.getByLabel("Mật khẩu").fill(passcode);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dành cho bạn" })).toBeVisible();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core in the page and fails on any WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
}

export async function signInStaff(page: Page, username: string, password = "123456") {
  await page.goto("/staff/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/staff"));
}
