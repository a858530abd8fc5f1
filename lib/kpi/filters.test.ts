import { describe, expect, it } from "vitest";
import { kpiFilters } from "./filters";

describe("dashboard filters from the query string", () => {
  it("keeps a known service and a commune", () => {
    expect(kpiFilters.parse({ service: "transport-badge-renewal", commune: " Phường Hải Châu " })).toEqual({
      service: "transport-badge-renewal",
      commune: "Phường Hải Châu",
    });
  });

  it("drops blanks, unknown services, repeated and oversized values instead of failing", () => {
    expect(kpiFilters.parse({ service: "", commune: "" })).toEqual({});
    expect(kpiFilters.parse({ service: "nope" })).toEqual({});
    expect(kpiFilters.parse({ service: ["a", "b"], commune: "x".repeat(121) })).toEqual({});
  });
});
