import { describe, expect, it } from "vitest";
import { prefetchAllowed } from "./connection";

describe("route prefetch on the citizen's connection", () => {
  it("prefetches on 4G, and where the browser does not say", () => {
    expect(prefetchAllowed({ effectiveType: "4g", saveData: false })).toBe(true);
    expect(prefetchAllowed(undefined)).toBe(true);
    expect(prefetchAllowed({})).toBe(true);
  });

  it("does not on 3G or slower", () => {
    for (const effectiveType of ["3g", "2g", "slow-2g"]) expect(prefetchAllowed({ effectiveType, saveData: false })).toBe(false);
  });

  it("does not when Save-Data is on, however fast the link", () => {
    expect(prefetchAllowed({ effectiveType: "4g", saveData: true })).toBe(false);
  });
});
