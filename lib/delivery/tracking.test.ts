import { describe, expect, it } from "vitest";
import { trackingUrl } from "./tracking";

describe("postal tracking link", () => {
  it("links a VNPost EMS number to the carrier's tracking page", () => {
    expect(trackingUrl("EB123456789VN")).toBe("https://vnpost.vn/vi-vn/dinh-vi/buu-pham?key=EB123456789VN");
  });

  it("links nothing that is not a tracking number", () => {
    expect(trackingUrl("javascript:alert(1)")).toBeUndefined();
    expect(trackingUrl("EB12VN")).toBeUndefined();
  });
});
