import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days";

describe("working days", () => {
  it("skips weekends", () => {
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(addWorkingDays("2026-11-23", 3)).toBe("2026-11-26");
  });

  it("skips Tết and National Day", () => {
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
    expect(addWorkingDays("2026-08-31", 1)).toBe("2026-09-03");
  });
});
