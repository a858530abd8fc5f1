import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../calendar/working-days";
import { MIN_DAYS_TO_CONFIRM, renewalConfirmDeadline, renewalDeadlines } from "./deadlines";
import { addDays } from "../dates";

describe("a renewal's confirmation deadline", () => {
  it("leaves the agency its SLA and a buffer before the expiry", () => {
    // Expires Friday 18/12/2026; SLA 10 working days + 2 of buffer → Wednesday 02/12.
    expect(renewalConfirmDeadline("2026-12-18", 10, "2026-11-01")).toBe("2026-12-02");
    for (const sla of [2, 5, 10]) {
      const deadline = renewalConfirmDeadline("2027-03-15", sla, "2026-12-01");
      expect(addWorkingDays(deadline, sla) < "2027-03-15").toBe(true);
    }
  });

  it("skips weekends and public holidays when it counts back", () => {
    // Expires Monday 04/01/2027, after the New Year holiday of Friday 01/01.
    expect(renewalConfirmDeadline("2027-01-04", 2, "2026-12-01")).toBe("2026-12-28");
  });

  it("still gives a few days, never past the expiry, when the licence is found too late", () => {
    expect(renewalConfirmDeadline("2026-12-07", 10, "2026-12-02")).toBe(addDays("2026-12-02", MIN_DAYS_TO_CONFIRM));
    expect(renewalConfirmDeadline("2026-12-03", 10, "2026-12-02")).toBe("2026-12-03");
  });

  it("covers every expiry date of the notice window", () => {
    const table = renewalDeadlines("2026-12-02", 15, 2);
    expect(table).toHaveLength(16);
    expect(table[0]![0]).toBe("2026-12-02");
    expect(table.at(-1)![0]).toBe("2026-12-17");
    for (const [expiresOn, deadline] of table) expect(deadline <= expiresOn).toBe(true);
  });
});
