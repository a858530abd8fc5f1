import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, signInStaff } from "./helpers";

// Personas of their own (lib/gov/demo-world.ts): Lộc is helped at the counter of Xã Hòa Vang by the
// one-stop officer "motcua"; Mai lets her son Nam act on one dossier.
const LOC = "048155000031";
const LOC_PHONE = "0905000031";
const MAI = "048162000032";
const NAM = "048098000033";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe.serial("help at the ward", () => {
  // Three people in three browser contexts each: longer than one journey.
  test.setTimeout(180_000);

  test("the officer assists Lộc with the code he reads out; he sees it was confirmed at the commune with his code", async ({ browser }) => {
    const officer = await newPage(browser);
    await signInStaff(officer, "motcua");
    await officer.getByRole("link", { name: "Hỗ trợ tại quầy" }).click();
    await officer.getByLabel("Số định danh cá nhân của công dân").fill(LOC);
    await officer.getByRole("button", { name: "Gửi mã cho công dân" }).click();
    // Before the code: a count, and nothing about the person.
    await expect(officer.getByText("1 hồ sơ đã được chuẩn bị")).toBeVisible();
    await expect(officer.getByText("Trương Văn Lộc")).toHaveCount(0);
    await expect(officer.getByText(/thú y/i)).toHaveCount(0);

    // Lộc's phone, in the simulator.
    const phone = await newPage(browser);
    await phone.goto(`/dev/sms?phone=${LOC_PHONE}`);
    const sms = phone.getByText(/Ma \d{6} de can bo UBND xa Hoa Vang/).first();
    await expect(sms).toBeVisible();
    const code = /Ma (\d{6}) de can bo/.exec((await sms.textContent())!)![1]!;

    const wrong = code === "000000" ? "111111" : "000000";
    await officer.getByLabel("Mã công dân đọc").fill(wrong);
    await officer.getByRole("button", { name: "Xác nhận mã" }).click();
    await expect(officer.getByRole("alert").filter({ hasText: "Mã không đúng. Còn 2 lần thử." })).toBeVisible();
    await officer.getByLabel("Mã công dân đọc").fill(code);
    await officer.getByRole("button", { name: "Xác nhận mã" }).click();
    await expect(officer.getByRole("heading", { level: 1, name: "Hồ sơ của Trương Văn Lộc" })).toBeVisible();
    await officer.getByRole("link", { name: /Mở hồ sơ HS-/ }).click();
    await expect(officer.getByRole("heading", { level: 1, name: "Gia hạn chứng chỉ hành nghề thú y" })).toBeVisible();
    await expectNoAxeViolations(officer);
    await officer.getByRole("button", { name: "Xác nhận nộp thay công dân" }).click();
    await expect(officer.getByRole("alert").filter({ hasText: "Cần công dân đồng ý trước khi nộp." })).toBeVisible();
    await officer.getByLabel(/Công dân đã nghe đọc lại thông tin/).check();
    await officer.getByRole("button", { name: "Xác nhận nộp thay công dân" }).click();
    await expect(officer.getByRole("status")).toContainText(/Đã nộp hồ sơ HS-\d{4}-\d{6} thay công dân/);

    const loc = await newPage(browser);
    await signIn(loc, LOC);
    await loc.getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await loc.getByRole("link", { name: /Gia hạn chứng chỉ hành nghề thú y/ }).click();
    await expect(loc.getByRole("list").filter({ hasText: "Đã nộp" })).toContainText("xác nhận tại UBND xã Hòa Vang với mã của bạn · cán bộ Lê Thị Hòa");
    await expect(loc.getByText("Hỗ trợ tại quầy, với mã của bạn (cán bộ motcua)").first()).toBeVisible();
  });

  test("Mai grants Nam one dossier; Nam confirms it; Mai sees who did it and revokes; Nam loses access", async ({ browser }) => {
    const mai = await newPage(browser);
    await signIn(mai, MAI);
    await mai.goto("/account");
    const section = mai.getByRole("region", { name: "Ủy quyền cho người thân" });
    // Bad input: her own id is refused and nothing is granted.
    await section.getByLabel("Số định danh cá nhân của người thân").fill(MAI);
    await section.getByRole("button", { name: "Ủy quyền", exact: true }).click();
    await expect(mai.getByRole("alert").filter({ hasText: "Bạn không thể ủy quyền cho chính mình." })).toBeVisible();
    await expect(section.getByText("Bạn chưa ủy quyền cho ai.")).toBeVisible();

    await section.getByLabel("Số định danh cá nhân của người thân").fill(NAM);
    const vet = section.getByLabel("Ủy quyền việc gì").locator("option", { hasText: "Gia hạn chứng chỉ hành nghề thú y" }).first();
    const scope = (await vet.getAttribute("value"))!;
    const dossierCode = scope.replace("dossier:", "");
    await section.getByLabel("Ủy quyền việc gì").selectOption(scope);
    await section.getByText(/^7 ngày/).click();
    await section.getByRole("button", { name: "Ủy quyền", exact: true }).click();
    await expect(mai.getByRole("status").filter({ hasText: "Đã ủy quyền" })).toBeVisible();
    await expect(section.locator("[data-grant='Phan Văn Nam']")).toContainText(dossierCode);
    await expectNoAxeViolations(mai);

    const nam = await newPage(browser);
    await signIn(nam, NAM);
    const delegated = nam.getByRole("region", { name: "Người thân ủy quyền cho bạn" });
    await expect(delegated).toContainText("Gia hạn chứng chỉ hành nghề thú y của Phan Thị Mai");
    // Only the granted dossier: not Mai's medical licence renewal.
    await expect(delegated.getByRole("link")).toHaveCount(1);
    await delegated.getByRole("link", { name: /Phan Thị Mai/ }).click();
    await expect(nam).toHaveURL(new RegExp(`/dossiers/${dossierCode}$`));
    await expect(nam.locator("[data-delegate-banner]")).toContainText("Bạn đang thay mặt Phan Thị Mai");
    await nam.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    await nam.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click();
    await expect(nam.getByRole("heading", { name: "Đã nộp hồ sơ" })).toBeVisible();

    // His open page hears the agency's answer as Mai's would: pushed by the status stream, no reload.
    const streamOpened = nam.waitForResponse((r) => r.url().endsWith("/api/v1/dossiers/stream"));
    await nam.goto(`/dossiers/${dossierCode}`);
    expect((await streamOpened).status()).toBe(200);
    await expect(nam.locator("[data-status]").first()).toHaveText("Đã nộp");
    const officer = await newPage(browser);
    await signInStaff(officer, "thuy");
    await officer.goto(`/officer/dossiers/${dossierCode}`);
    await officer.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect(officer.getByRole("status")).toBeVisible();
    await expect(nam.locator("[data-status]").first()).toHaveText("Đã tiếp nhận", { timeout: 5000 });

    await mai.goto(`/dossiers/${dossierCode}`);
    await expect(mai.getByRole("list").filter({ hasText: "Đã nộp" })).toContainText("bởi Phan Văn Nam, người được ủy quyền");

    await mai.goto("/account");
    await mai.getByRole("button", { name: "Thu hồi ngay (Phan Văn Nam)" }).click();
    await expect(mai.getByRole("status").filter({ hasText: "Đã thu hồi ủy quyền" })).toBeVisible();

    const gone = await nam.goto(`/dossiers/${dossierCode}`);
    expect(gone?.status()).toBe(404);
    await nam.goto("/");
    await expect(nam.getByRole("region", { name: "Người thân ủy quyền cho bạn" })).toHaveCount(0);
    await expect(nam.getByText("Phan Thị Mai")).toHaveCount(0);
  });
});
