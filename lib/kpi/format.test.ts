import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "./format";

describe("KPI number formats", () => {
  it("writes Vietnamese with a decimal comma and English with a point", () => {
    expect(formatPercent(0.995, "vi")).toBe("99,5%");
    expect(formatPercent(0.995, "en")).toBe("99.5%");
    expect(formatPercent(2 / 3, "vi")).toBe("66,7%");
    expect(formatPercent(1, "vi")).toBe("100%");
    expect(formatNumber(7.25, "vi")).toBe("7,3");
    expect(formatNumber(1234, "vi")).toBe("1.234");
    expect(formatNumber(1234, "en")).toBe("1,234");
  });
});
