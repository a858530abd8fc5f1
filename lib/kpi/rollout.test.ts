import { describe, expect, it } from "vitest";
import { compareRollout } from "./rollout";

const row = (serviceCode: string, commune: string, enabled: boolean, prepared: number, submitted: number) => ({ serviceCode, commune, enabled, prepared, submitted, completed: 0 });

describe("compareRollout", () => {
  it("sets a service's on communes beside its off ones, and leaves out services on (or off) everywhere", () => {
    const result = compareRollout([
      row("a", "X", true, 10, 6),
      row("a", "Y", true, 0, 0),
      row("a", "Z", false, 0, 0),
      row("b", "X", true, 3, 3),
      row("b", "Y", true, 1, 0),
    ]);
    expect(result).toEqual([
      { service: "a", on: { communes: 2, prepared: 10, submitted: 6, submittedRate: 0.6 }, off: { communes: 1, prepared: 0, submitted: 0, submittedRate: null } },
    ]);
  });
});
