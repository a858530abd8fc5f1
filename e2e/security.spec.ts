import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { personas, signIn, signInStaff } from "./helpers";

// Hải (veterinary certificate) and the veterinary officer belong to this file alone: the journeys
// below change his dossier, and nobody else's.
const HAI = "048088000007";
const VET_CARD = /thú y/;

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Clicks `button`, captures the server action POST the page sends, and aborts it: nothing reaches the server. */
async function captureAction(page: Page, click: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    // With script, an action is a fetch with a Next-Action header; without, a form post carrying $ACTION_ fields.
    if (request.method() === "POST" && (request.headers()["next-action"] || request.postDataBuffer()?.includes("$ACTION_"))) {
      captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      return route.abort();
    }
    return route.continue();
  });
  await click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

/** Replays a captured action with another Origin (or none) and the given cookies. */
function replay(request: APIRequestContext, action: CapturedAction, opts: { origin?: string | null; cookie?: string }) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(action.headers)) {
    if (["origin", "cookie", "content-length", "host", "referer"].includes(name) || name.startsWith(":")) continue;
    headers[name] = value;
  }
  if (opts.origin !== undefined && opts.origin !== null) headers.origin = opts.origin;
  if (opts.cookie) headers.cookie = opts.cookie;
  // A fresh connection each time: a kept-alive socket the server is closing would reset the request.
  headers.connection = "close";
  const send = () => request.fetch(action.url, { method: "POST", headers, data: action.body, maxRedirects: 0, failOnStatusCode: false });
  // The replay is idempotent (same idempotency key), so one retry after a reset connection is safe.
  return send().catch((e: Error) => (/ECONNRESET|socket hang up/.test(e.message) ? send() : Promise.reject(e)));
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The dossier as its owner sees it: status word and version. */
async function dossierState(browser: Browser, path: string, owner: string) {
  const page = await browser.newPage();
  await signIn(page, owner);
  await page.goto(path);
  const version = page.locator('input[name="version"]');
  const state = {
    status: (await page.locator("[data-status]").first().textContent())?.trim(),
    version: (await version.count()) > 0 ? await version.first().getAttribute("value") : null,
  };
  await page.close();
  return state;
}

async function officerState(browser: Browser, path: string) {
  const page = await browser.newPage();
  await signInStaff(page, "thuy");
  await page.goto(path);
  const state = {
    status: (await page.locator("[data-status]").first().textContent())?.trim(),
    version: await page.locator('input[name="version"]').first().getAttribute("value"),
  };
  await page.close();
  return state;
}

test.describe.serial("security: CSRF, authorization, sessions, headers, rate limits, OIDC", () => {
  let dossierPath = "";
  let citizenAction: CapturedAction;
  let origin = "";
  let giangTourPath = "";
  test.beforeEach(({ baseURL }) => {
    origin = new URL(baseURL!).origin;
  });

  test("pages carry a nonce CSP, HSTS and the other headers, run their scripts, and personal pages are no-store", async ({ page, request }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/login");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(Number(/max-age=(\d+)/.exec(headers["strict-transport-security"]!)![1])).toBeGreaterThanOrEqual(31536000);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(["same-origin", "strict-origin-when-cross-origin", "strict-origin", "no-referrer"]).toContain(headers["referrer-policy"]);
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every script Next wrote carries this response's nonce, and the app hydrated (its runtime ran).
    const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
    // A second request gets a different nonce.
    const again = await request.get("/login");
    expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)![1]).not.toBe(nonce);

    await signIn(page, HAI);
    for (const path of ["/", "/dossiers", "/account", "/my-data", "/notifications"]) {
      const r = await page.goto(path);
      expect(r!.headers()["cache-control"], path).toContain("no-store");
    }
    const json = await page.request.get("/api/v1/dossiers");
    expect(json.headers()["cache-control"]).toContain("no-store");
    expect((await request.get("/api/health")).headers()["cache-control"] ?? "").not.toContain("no-store");
    expect(violations).toEqual([]);
  });

  test("a server action with a foreign, null or missing Origin is refused and the dossier is unchanged", async ({ browser, request }) => {
    // With script the form sends through the JSON route's queue; its server action is the no-script path.
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(page, HAI);
    await page.getByRole("article", { name: VET_CARD }).getByRole("link", { name: "Sửa thông tin" }).click();
    await page.waitForURL(/\/dossiers\/HS-/);
    dossierPath = new URL(page.url()).pathname;
    await page.getByText("Chỉ nhận bản điện tử").click();
    await page.getByLabel(/Tôi xác nhận thông tin trên là đúng/).check();
    citizenAction = await captureAction(page, () => page.getByRole("button", { name: "Xác nhận và nộp hồ sơ" }).click());
    expect(citizenAction.headers.origin).toBe(origin);
    const before = await dossierState(browser, dossierPath, HAI);
    expect(before.status).toBe("Đã chuẩn bị");

    const cookie = await cookieHeader(page);
    for (const bad of ["https://evil.example", "null", null, `${origin}.evil.example`, "http://localhost.evil:1"]) {
      const r = await replay(request, citizenAction, { origin: bad, cookie });
      expect(r.status(), `Origin ${bad}`).toBe(403);
    }
    // The same holds for plain form posts and JSON routes.
    for (const path of ["/logout", "/locale", "/login/vneid", "/staff/session", `/api/v1${dossierPath}/actions`]) {
      const r = await request.post(path, { headers: { cookie }, form: { locale: "en" }, maxRedirects: 0, failOnStatusCode: false });
      expect(r.status(), path).toBe(403);
    }
    expect(await dossierState(browser, dossierPath, HAI)).toEqual(before);
  });

  test("the citizen's server action refuses no session and another citizen's session; nothing changes", async ({ browser, request }) => {
    const before = await dossierState(browser, dossierPath, HAI);
    const anonymous = await replay(request, citizenAction, { origin });
    expect(anonymous.status()).toBeLessThan(500);
    expect(await anonymous.text()).not.toContain('"status":"submitted"');

    const other = await browser.newPage();
    await signIn(other, personas.giang);
    const asGiang = await replay(request, citizenAction, { origin, cookie: await cookieHeader(other) });
    expect(asGiang.status()).toBeLessThan(500);
    await other.close();
    expect(await dossierState(browser, dossierPath, HAI)).toEqual(before);

    // Control: the very same request from its owner, same origin, does submit. So the refusals above
    // were the checks at work, not a malformed replay.
    const owner = await browser.newPage();
    await signIn(owner, HAI);
    const accepted = await replay(request, citizenAction, { origin, cookie: await cookieHeader(owner) });
    expect(accepted.status()).toBeLessThan(400);
    await owner.close();
    expect((await dossierState(browser, dossierPath, HAI)).status).toBe("Đã nộp");
  });

  test("the officer's action refuses no session, a citizen, another agency's officer and a cross-site post", async ({ page, browser, request }) => {
    await signInStaff(page, "thuy");
    const code = dossierPath.split("/").pop()!;
    const officerPath = `/officer/dossiers/${code}`;
    await page.goto(officerPath);
    const action = await captureAction(page, () => page.getByRole("button", { name: "Tiếp nhận" }).click());
    const before = await officerState(browser, officerPath);
    expect(before.status).toBe("Đã nộp");

    const sessions: Record<string, string | undefined> = { none: undefined };
    const citizen = await browser.newPage();
    await signIn(citizen, HAI);
    sessions.citizen = await cookieHeader(citizen);
    const yte = await browser.newPage();
    await signInStaff(yte, "yte");
    sessions.otherAgency = await cookieHeader(yte);
    for (const [who, cookie] of Object.entries(sessions)) {
      const r = await replay(request, action, { origin, cookie });
      expect(r.status(), who).toBeLessThan(500);
    }
    expect((await replay(request, action, { origin: "null", cookie: await cookieHeader(page) })).status()).toBe(403);
    expect(await officerState(browser, officerPath)).toEqual(before);

    const accepted = await replay(request, action, { origin, cookie: await cookieHeader(page) });
    expect(accepted.status()).toBeLessThan(400);
    expect((await officerState(browser, officerPath)).status).toBe("Đã tiếp nhận");
  });

  test("pages refuse the wrong people: no session, a citizen at /officer and /ioc, an officer of another agency, another citizen", async ({ browser }) => {
    const anonymous = await browser.newPage();
    for (const path of ["/", "/dossiers", dossierPath, `${dossierPath}/result`, "/account", "/my-data", "/notifications"]) {
      await anonymous.goto(path);
      await expect(anonymous, path).toHaveURL(/\/login/);
    }
    for (const path of ["/officer", "/ioc"]) {
      await anonymous.goto(path);
      await expect(anonymous, path).toHaveURL(/\/staff\/login/);
    }
    const giang = await browser.newPage();
    await signIn(giang, personas.giang);
    expect((await giang.goto(dossierPath))?.status()).toBe(404);
    expect((await giang.goto("/officer"))?.status()).toBe(404);
    expect((await giang.goto("/ioc"))?.status()).toBe(404);
    const yte = await browser.newPage();
    await signInStaff(yte, "yte");
    expect((await yte.goto(`/officer/dossiers/${dossierPath.split("/").pop()}`))?.status()).toBe(404);
    expect((await yte.goto("/ioc"))?.status()).toBe(404);
    await yte.goto("/dossiers");
    await expect(yte).toHaveURL(/\/login/);
  });

  test("exactly once: the same confirm fired 10 times in parallel over HTTP changes the dossier once and gets one answer", async ({ page }) => {
    await signIn(page, personas.giang);
    const list = await page.request.get("/api/v1/dossiers");
    const tour = ((await list.json()).dossiers as { code: string; serviceCode: string; status: string }[]).find((d) => d.serviceCode === "tour-guide-card-renewal")!;
    expect(tour.status).toBe("prepared");
    giangTourPath = `/dossiers/${tour.code}`;
    const status = async () => (await page.request.get(`/api/v1/dossiers/${tour.code}`)).json();
    const { version } = await status();
    const body = { kind: "confirm", version, idempotencyKey: crypto.randomUUID(), input: { cardType: "domestic", delivery: "post" }, consent: true };
    const fire = (b: object) => page.request.post(`/api/v1/dossiers/${tour.code}/actions`, { headers: { origin }, data: b, failOnStatusCode: false });
    const answers = await Promise.all(Array.from({ length: 10 }, () => fire(body)));
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status()), texts[0]).toEqual(Array(10).fill(200));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toMatchObject({ ok: true, status: "submitted", version: version + 1 });
    const after = await status();
    expect(after).toMatchObject({ status: "submitted", version: version + 1 });
    const submits = (after.events as { status: string | null }[]).filter((e) => e.status === "submitted");
    expect(submits).toHaveLength(1);
    // The same key with a different body is a clear 422, and changes nothing.
    const mismatch = await fire({ ...body, input: { cardType: "domestic", delivery: "centre" } });
    expect(mismatch.status()).toBe(422);
    expect(await status()).toEqual(after);
  });

  test("no personal id on screen (masked on the citizen's own account page) or in any URL the app uses", async ({ page, browser }) => {
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await signIn(page, personas.giang);
    for (const path of ["/", "/dossiers", giangTourPath, "/my-data", "/notifications", "/account"]) {
      await page.goto(path);
      const text = await page.locator("body").innerText();
      expect(text, path).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
      expect(text, path).not.toMatch(/(?<!\d)0\d{9}(?!\d)/);
    }
    await expect(page.getByText("0480•••••006")).toBeVisible();
    const officer = await browser.newPage();
    officer.on("request", (r) => urls.push(r.url()));
    await signInStaff(officer, "thuy");
    await officer.goto(`/officer/dossiers/${dossierPath.split("/").pop()}`);
    expect(await officer.locator("body").innerText()).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
    expect(urls.filter((u) => /(?<!\d)\d{12}(?!\d)/.test(decodeURIComponent(u)))).toEqual([]);
    await officer.close();
  });

  test("the session cookie is HttpOnly and SameSite=Lax, new at each sign-in, and useless after sign-out", async ({ browser, page }) => {
    await signIn(page, personas.giang);
    const first = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))!;
    expect(first.httpOnly).toBe(true);
    expect(first.sameSite).toBe("Lax");
    const kept = await page.context().cookies();
    const { code } = (await (await page.request.get("/api/v1/dossiers")).json()).dossiers[0] as { code: string };
    expect((await page.request.get(`/api/v1/dossiers/${code}`)).status()).toBe(200);

    await page.getByRole("link", { name: "Tài khoản" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);

    const thief = await browser.newContext();
    await thief.addCookies(kept);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    for (const path of ["/api/v1/dossiers", `/api/v1/dossiers/${code}`, "/api/v1/dossiers/not-a-code"]) {
      expect((await stolen.request.get(path, { failOnStatusCode: false })).status(), path).toBe(401);
    }
    await thief.close();

    await signIn(page, personas.giang);
    const second = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))!;
    expect(second.value).not.toBe(first.value);
  });

  test("the authorize URL carries S256 PKCE, state and nonce; a tampered state, a missing verifier or a replayed callback signs nobody in", async ({ playwright, baseURL }) => {
    /** Runs our sign-in over HTTP up to the callback URL VNeID sends the browser back to. */
    async function toCallback() {
      const ctx = await playwright.request.newContext({ baseURL });
      const start = await ctx.post("/login/vneid", { headers: { origin }, form: { callbackUrl: "/" }, maxRedirects: 0 });
      expect(start.status()).toBe(303);
      const authorize = new URL(start.headers().location!, origin);
      const login = await ctx.post("/vneid/login", {
        headers: { origin },
        form: { ...Object.fromEntries(authorize.searchParams), personal_id: personas.giang, passcode: "123456" },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(303);
      return { ctx, authorize, callback: new URL(login.headers().location!, origin) };
    }
    const signedIn = async (ctx: APIRequestContext) => (await ctx.get("/api/v1/dossiers", { failOnStatusCode: false })).status() === 200;
    const refused = (r: { status(): number; headers(): Record<string, string> }) => {
      expect(r.status()).toBe(302);
      expect(r.headers().location).toMatch(/\/login\?error=/);
    };

    const { ctx: first, authorize, callback } = await toCallback();
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")?.length).toBeGreaterThan(20);
    expect(authorize.searchParams.get("nonce")?.length).toBeGreaterThan(20);
    const tampered = new URL(callback);
    tampered.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    refused(await first.get(tampered.pathname + tampered.search, { maxRedirects: 0 }));
    expect(await signedIn(first)).toBe(false);

    // The PKCE verifier lives in a cookie: without it the client cannot redeem the code.
    const second = await toCallback();
    const state = await second.ctx.storageState();
    const withoutVerifier = await playwright.request.newContext({
      baseURL,
      storageState: { ...state, cookies: state.cookies.filter((c) => !c.name.includes("pkce")) },
    });
    refused(await withoutVerifier.get(second.callback.pathname + second.callback.search, { maxRedirects: 0 }));
    expect(await signedIn(withoutVerifier)).toBe(false);

    // A callback used once by its browser, then replayed by another (or by itself): refused.
    const third = await toCallback();
    const ok = await third.ctx.get(third.callback.pathname + third.callback.search, { maxRedirects: 0 });
    expect(ok.status()).toBe(302);
    expect(ok.headers().location).not.toMatch(/error=/);
    expect(await signedIn(third.ctx)).toBe(true);
    const thief = await playwright.request.newContext({ baseURL });
    refused(await thief.get(third.callback.pathname + third.callback.search, { maxRedirects: 0 }));
    expect(await signedIn(thief)).toBe(false);
    for (const c of [first, second.ctx, withoutVerifier, third.ctx, thief]) await c.dispose();
  });

  test("the sixth wrong passcode for one id within 5 minutes gets 429, a Vietnamese message and the wait", async ({ request }) => {
    const authorize = await authorizeParams(request, origin);
    // An id nobody has and a test address of our own, fresh each run: no persona or other test is locked out.
    const unknownId = `0480999${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
    const ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const attempt = () =>
      request.post("/vneid/login", {
        headers: { origin, "x-forwarded-for": ip, "accept-language": "vi" },
        form: { ...authorize, personal_id: unknownId, passcode: "000000" },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
    for (let i = 1; i <= 5; i++) expect((await attempt()).status(), `attempt ${i}`).toBe(303);
    const sixth = await attempt();
    expect(sixth.status()).toBe(429);
    expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(0);
    expect(Number(sixth.headers()["retry-after"])).toBeLessThanOrEqual(300);
    const text = await sixth.text();
    expect(text).toMatch(/phút/);
    expect(text).not.toContain(unknownId);
  });

  test("the same holds per address: many ids from one IP are stopped at 20 failures", async ({ request }) => {
    const authorize = await authorizeParams(request, origin);
    const ip = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    const prefix = `048098${Math.floor(Math.random() * 10)}`;
    const attempt = (i: number) =>
      request.post("/vneid/login", {
        headers: { origin, "x-forwarded-for": ip },
        form: { ...authorize, personal_id: `${prefix}${String(i).padStart(5, "0")}`, passcode: "000000" },
        maxRedirects: 0,
        failOnStatusCode: false,
        timeout: 60_000,
      });
    const statuses = await Promise.all(Array.from({ length: 26 }, (_, i) => attempt(i).then((r) => r.status())));
    expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect((await attempt(99)).status()).toBe(429);
  });

  test("agency API keys are refused without a key and stay within their rate limit per key", async ({ request }) => {
    const none = await request.post("/api/gov/births", { data: {}, failOnStatusCode: false });
    expect(none.status()).toBe(401);
    // The bearer-token APIs are exempt from the Origin check (machines send none) but not from auth.
    const bad = await request.post("/api/engine/scan", { headers: { authorization: "Bearer wrong-token-wrong-token" }, failOnStatusCode: false });
    expect(bad.status()).toBe(401);
  });
});

async function authorizeParams(request: APIRequestContext, origin: string): Promise<Record<string, string>> {
  const start = await request.post("/login/vneid", { headers: { origin }, form: { callbackUrl: "/" }, maxRedirects: 0 });
  return Object.fromEntries(new URL(start.headers().location!, origin).searchParams);
}
