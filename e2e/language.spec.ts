import { expect, test } from "@playwright/test";
import { personas, signIn } from "./helpers";

test("the citizen switches to English and back; texts, dates and statuses follow", async ({ page }) => {
  await signIn(page, personas.giang);
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "For you" })).toBeVisible();
  const card = page.getByRole("article", { name: "Renew your tour guide card" });
  await expect(card).toContainText(/Your tour guide card expires on \d{2}\/\d{2}\/\d{4}/);
  await expect(card).toContainText("Prepared");
  await page.getByRole("link", { name: "Dossiers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My dossiers" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ của tôi" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});
