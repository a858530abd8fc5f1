import { describe, expect, it } from "vitest";
import { canTransition, isAwaitingCitizen, statuses } from "./status";

describe("dossier status machine", () => {
  it("follows the main path from prepared to delivered", () => {
    expect(canTransition("prepared", "submitted")).toBe(true);
    expect(canTransition("submitted", "received")).toBe(true);
    expect(canTransition("received", "processing")).toBe(true);
    expect(canTransition("processing", "approved")).toBe(true);
    expect(canTransition("approved", "delivered")).toBe(true);
  });

  it("sends a needs-info dossier back to the citizen and then to submitted again", () => {
    expect(canTransition("processing", "needs_info")).toBe(true);
    expect(isAwaitingCitizen("needs_info")).toBe(true);
    expect(canTransition("needs_info", "submitted")).toBe(true);
  });

  it("refuses skipping steps and leaving final states", () => {
    expect(canTransition("prepared", "approved")).toBe(false);
    expect(canTransition("submitted", "submitted")).toBe(false);
    expect(canTransition("submitted", "prepared")).toBe(false);
    for (const final of ["delivered", "declined", "expired", "rejected"] as const) {
      for (const to of statuses) expect(canTransition(final, to)).toBe(false);
    }
  });

  it("lets the citizen act only while prepared or needs_info", () => {
    expect(statuses.filter(isAwaitingCitizen)).toEqual(["prepared", "needs_info"]);
    expect(canTransition("prepared", "declined")).toBe(true);
  });
});
