import { describe, expect, it } from "vitest";
import { formatVnd } from "./money";

// ICU puts a non-breaking space before the vi-VN symbol; compare with a plain one.
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("formatVnd", () => {
  it("writes Vietnamese with dot groups and the symbol after", () => {
    expect(plain(formatVnd(50_000, "vi"))).toBe("50.000 ₫");
    expect(plain(formatVnd(1_234_567, "vi"))).toBe("1.234.567 ₫");
  });

  it("writes English with comma groups and the symbol before", () => {
    expect(formatVnd(50_000, "en")).toBe("₫50,000");
    expect(formatVnd(650_000, "en")).toBe("₫650,000");
  });

  it("never shows decimals, since VND has no minor unit", () => {
    expect(formatVnd(75_000.6, "en")).toBe("₫75,001");
  });

  it("falls back to Vietnamese for an unknown locale", () => {
    expect(formatVnd(50_000, "fr")).toBe(formatVnd(50_000, "vi"));
  });
});
