import { describe, expect, it } from "vitest";
import { slaMark } from "../db/officer-queries";
import { addDays } from "../dates";
import { isWorkingDay } from "../calendar/working-days";
import { missesSla, projectedDecisionDay } from "./sla-risk";

const DAY = "2026-03-02"; // a Monday with no holiday around it

describe("the SLA-at-risk rule", () => {
  it("is the officer queue's overdue mark on the projected day, for every status and due date", () => {
    const statuses = ["submitted", "received", "processing", "needs_info", "approved"];
    for (const status of statuses) {
      for (let due = -5; due <= 5; due++) {
        for (let decided = -2; decided <= 6; decided++) {
          const row = { status, slaDueDate: addDays(DAY, due) };
          const day = addDays(DAY, decided);
          expect(missesSla(row, day), `${status} due ${due} decided ${decided}`).toBe(slaMark(row, day) === "overdue");
        }
      }
    }
  });

  it("never marks a dossier with no due date, and marks every dated one when nothing is being decided", () => {
    expect(missesSla({ status: "received", slaDueDate: null }, undefined)).toBe(false);
    expect(missesSla({ status: "received", slaDueDate: addDays(DAY, 30) }, undefined)).toBe(true);
    expect(missesSla({ status: "approved", slaDueDate: addDays(DAY, -3) }, undefined)).toBe(false);
  });

  it("projects the queue in working days at the measured pace", () => {
    expect(projectedDecisionDay(1, 2, DAY)).toBe(DAY);
    expect(projectedDecisionDay(2, 2, DAY)).toBe(DAY);
    expect(projectedDecisionDay(3, 2, DAY)).toBe("2026-03-03");
    // 0.4 a day: the first dossier on the third working day after today.
    expect(projectedDecisionDay(1, 0.4, DAY)).toBe("2026-03-04");
    const friday = "2026-03-06";
    expect(isWorkingDay(addDays(friday, 3))).toBe(true);
    expect(projectedDecisionDay(2, 1, friday)).toBe(addDays(friday, 3));
    expect(projectedDecisionDay(1, 0, DAY)).toBeUndefined();
  });
});
