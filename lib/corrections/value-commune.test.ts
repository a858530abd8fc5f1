import { describe, expect, it } from "vitest";
import { correctedValue } from "./value";

describe("a corrected residence", () => {
  it("names a commune on the city's list", () => {
    const residence = { format: "text", fieldKey: "residence" } as const;
    expect(correctedValue(residence, "12 Lê Lợi, Phường Hải Châu, Thành phố Đà Nẵng")).toBe("12 Lê Lợi, Phường Hải Châu, Thành phố Đà Nẵng");
    expect(correctedValue(residence, "12 Lê Lợi, Quận Hải Châu, Thành phố Đà Nẵng")).toBeUndefined();
    expect(correctedValue(residence, "12 Lê Lợi, Phường Không Có, Thành phố Đà Nẵng")).toBeUndefined();
  });
});
