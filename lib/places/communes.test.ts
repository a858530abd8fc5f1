import { describe, expect, it } from "vitest";
import { communes, oneStopCentres, PILOT_COMMUNES } from "./communes";
import { oneStopCentres as collectCentres } from "../delivery/collect";
import { PILOT_COMMUNES as seededRollout } from "../services/store";

describe("one list of Đà Nẵng's communes", () => {
  it("names each commune once", () => {
    expect(new Set(communes.map((c) => c.name)).size).toBe(communes.length);
  });

  it("marks the pilot's 16 communes, Hải Vân among them and Hòa Tiến not", () => {
    expect(PILOT_COMMUNES).toHaveLength(16);
    expect(PILOT_COMMUNES).toContain("Phường Hải Vân");
    expect(PILOT_COMMUNES).not.toContain("Xã Hòa Tiến");
  });

  it("offers every commune's centre for collection, so a pilot commune's own centre is never missing", () => {
    expect(oneStopCentres).toEqual(expect.arrayContaining([...PILOT_COMMUNES, "Xã Hòa Tiến"]));
    expect(oneStopCentres).toHaveLength(communes.length);
  });

  it("is the list the collection choice and the seeded rollout both read", () => {
    expect(collectCentres).toBe(oneStopCentres);
    expect(seededRollout).toBe(PILOT_COMMUNES);
  });
});
