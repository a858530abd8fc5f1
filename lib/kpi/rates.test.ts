import { describe, expect, it } from "vitest";
import { emptyCounts } from "./dossier-kpis";
import { kpiRates, share } from "./rates";

describe("share", () => {
  it("divides, and has no rate over nothing", () => {
    expect(share(592, 840)).toBeCloseTo(0.7048, 4);
    expect(share(0, 4)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });
});

describe("kpiRates", () => {
  it("takes on-time and fully-online over results, conversion over renewal SMS sent", () => {
    expect(kpiRates({ ...emptyCounts, results: 4, onTime: 3, fullyOnline: 2, renewalSmsSent: 840, renewed: 592 })).toEqual({
      onTime: 0.75,
      fullyOnline: 0.5,
      conversion: 592 / 840,
    });
    expect(kpiRates(emptyCounts)).toEqual({ onTime: null, fullyOnline: null, conversion: null });
  });
});
