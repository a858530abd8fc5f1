import { describe, expect, it } from "vitest";
import { communeInSentence, communeOf, withCommune } from "./commune";

describe("the kind of commune a citizen lives in", () => {
  it("says xã for a rural commune and phường for a ward", () => {
    expect(communeInSentence("Xã Hòa Vang", "vi")).toBe("xã Hòa Vang");
    expect(communeInSentence("Phường Hải Châu", "vi")).toBe("phường Hải Châu");
    expect(communeInSentence("Xã Hòa Vang", "en")).toBe("Hòa Vang commune");
  });

  it("reads the commune from the residence when the dossier has no commune field", () => {
    expect(communeOf({ residence: "Thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng" })).toBe("Xã Hòa Vang");
    expect(communeOf({ commune: "Phường Liên Chiểu", residence: "x" })).toBe("Phường Liên Chiểu");
  });

  it("fills a catalogue text with the citizen's own commune", () => {
    expect(withCommune("Nhận tiền mặt tại UBND {commune}", "Xã Hòa Vang", "vi")).toBe("Nhận tiền mặt tại UBND xã Hòa Vang");
    expect(withCommune("Phòng Văn hóa – Xã hội UBND {commune}", undefined, "vi")).toBe("Phòng Văn hóa – Xã hội UBND cấp xã");
  });
});
