import { describe, expect, it } from "vitest";
import { loginHintCookie } from "./login-hint";

describe("the login-hint cookie", () => {
  it("is Secure when the app is served over https, and scoped, short and HttpOnly always", () => {
    const https = loginHintCookie("048090000001", { APP_ORIGIN: "https://dichvu.danang.gov.vn" });
    expect(https).toMatch(/; Secure$/);
    const http = loginHintCookie("048090000001", { APP_ORIGIN: "http://localhost:3000" });
    expect(http).not.toMatch(/Secure/);
    for (const c of [https, http]) {
      expect(c).toMatch(/^vneid_login_hint=048090000001; Path=\/vneid; Max-Age=120; HttpOnly; SameSite=Lax/);
    }
  });

  it("carries at most 32 characters, encoded", () => {
    expect(loginHintCookie(`${"1".repeat(40)};x`, { APP_ORIGIN: "http://localhost:3000" })).toMatch(new RegExp(`^vneid_login_hint=${"1".repeat(32)};`));
  });
});
