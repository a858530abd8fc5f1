import { describe, expect, it } from "vitest";
import { maskPersonalId, maskPhone } from "./mask";

describe("masking", () => {
  it("masks personal ids as 0480•••••001", () => {
    expect(maskPersonalId("048090000001")).toBe("0480•••••001");
    expect(maskPersonalId("123")).toBe("•••");
  });
  it("masks phones", () => {
    expect(maskPhone("0905000001")).toBe("0905•••001");
  });
});
