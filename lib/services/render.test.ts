import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";
import { getService } from "./catalogue";

describe("renderTemplate", () => {
  it("writes the licence reason with a Vietnamese date", () => {
    const reason = getService("medical-licence-renewal").reason.vi;
    expect(renderTemplate(reason, { expiresOn: "2026-12-18" })).toBe(
      "Giấy phép hành nghề của bạn hết hạn ngày 18/12/2026 — theo Cơ sở dữ liệu hành nghề y",
    );
  });

  it("translates coded values and leaves unknown placeholders visible", () => {
    expect(renderTemplate("{category} / {missing}", { category: "poor" }, (_k, v) => (v === "poor" ? "nghèo" : v))).toBe(
      "nghèo / {missing}",
    );
  });
});
