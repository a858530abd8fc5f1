import { describe, expect, it } from "vitest";
import { safeErrorText } from "./redact";

describe("safeErrorText", () => {
  it.each(["0905000001", "+84905000001", "0905 000 001", "0905.000.001", "84-905-000-001"])("hides the number %s", (n) => {
    expect(safeErrorText(`invalid destination ${n}, try again`)).toBe("invalid destination [number], try again");
  });

  it("keeps short codes and status numbers, flattens whitespace and bounds the length", () => {
    expect(safeErrorText("HTTP 503:\n  code 1042")).toBe("HTTP 503: code 1042");
    expect(safeErrorText("x".repeat(1_000))).toHaveLength(300);
  });
});
