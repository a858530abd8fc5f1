import { describe, expect, it } from "vitest";
import { reassignRequest } from "./reassign";

describe("a reassignment's target centre", () => {
  it("is one of the communes the platform knows", () => {
    const base = { dossierCode: "HS-2026-000001", from: "Phường Hải Châu" };
    expect(reassignRequest.safeParse({ ...base, to: "Xã Hòa Tiến" }).success).toBe(true);
    expect(reassignRequest.safeParse({ ...base, to: "Phường Hải Chau" }).success).toBe(false);
    expect(reassignRequest.safeParse({ ...base, to: "Quận Hải Châu" }).success).toBe(false);
  });
});
