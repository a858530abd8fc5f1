import { describe, expect, it } from "vitest";
import { mobilePhoneSchema } from "./phone";

describe("Vietnamese mobile number", () => {
  it.each([
    ["0905000001", "0905000001"],
    [" 0905 000 001 ", "0905000001"],
    ["0905.000.001", "0905000001"],
    ["+84905000001", "0905000001"],
    ["0381234567", "0381234567"],
  ])("accepts %j as %s", (input, stored) => {
    expect(mobilePhoneSchema.parse(input)).toBe(stored);
  });

  it.each(["", "090500000", "09050000011", "1905000001", "0205000001", "09050000a1", "+1 905 000 001"])("rejects %j", (input) => {
    expect(mobilePhoneSchema.safeParse(input).success).toBe(false);
  });
});
