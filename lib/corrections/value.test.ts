import { describe, expect, it } from "vitest";
import { correctedValue } from "./value";

describe("the corrected value an officer types", () => {
  it("reads dates as dd/MM/yyyy and keeps them as the registry does", () => {
    expect(correctedValue({ format: "date", fieldKey: "birthDate" }, "03/02/2026")).toBe("2026-02-03");
    expect(correctedValue({ format: "date", fieldKey: "birthDate" }, "31/02/2026")).toBeUndefined();
  });

  it("accepts only the registry's words for sex and category, and a full residence", () => {
    expect(correctedValue({ format: "sex", fieldKey: "childSex" }, "Nữ")).toBe("female");
    expect(correctedValue({ format: "sex", fieldKey: "childSex" }, "x")).toBeUndefined();
    expect(correctedValue({ format: "category", fieldKey: "category" }, "cận nghèo")).toBe("near_poor");
    expect(correctedValue({ format: "text", fieldKey: "residence" }, "Thôn Phú Sơn")).toBeUndefined();
    expect(correctedValue({ format: "text", fieldKey: "residence" }, "Thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng")).toBe("Thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng");
    expect(correctedValue({ format: "text", fieldKey: "members" }, "0")).toBeUndefined();
  });
});
