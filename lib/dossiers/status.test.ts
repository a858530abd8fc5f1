import { describe, expect, it } from "vitest";
import { actorKinds, canTransition, isAwaitingCitizen, lifecycle, statuses, type ActorKind, type Status } from "./status";

// The lifecycle of SPEC §4, written out move by move: the table must allow exactly these.
const allowed: [Status, Status, ActorKind][] = [
  ["prepared", "submitted", "citizen"],
  ["needs_info", "submitted", "citizen"],
  ["prepared", "declined", "citizen"],
  ["prepared", "expired", "engine"],
  ["needs_info", "expired", "engine"],
  ["submitted", "received", "officer"],
  ["received", "processing", "officer"],
  ["received", "needs_info", "officer"],
  ["processing", "needs_info", "officer"],
  ["received", "approved", "officer"],
  ["processing", "approved", "officer"],
  ["submitted", "rejected", "officer"],
  ["received", "rejected", "officer"],
  ["processing", "rejected", "officer"],
  ["approved", "delivered", "officer"],
];

describe("the dossier lifecycle table", () => {
  it("allows every move of the lifecycle, by its actor only, and refuses every other", () => {
    const key = (from: Status, to: Status, by: ActorKind) => `${from}→${to} by ${by}`;
    const expected = new Set(allowed.map(([f, t, b]) => key(f, t, b)));
    for (const from of statuses) {
      for (const to of statuses) {
        for (const by of actorKinds) {
          expect(canTransition(from, to, by), key(from, to, by)).toBe(expected.has(key(from, to, by)));
        }
      }
    }
  });

  it("never leaves a final status and never re-enters prepared", () => {
    for (const final of ["delivered", "declined", "expired", "rejected"] as const) {
      for (const to of statuses) expect(canTransition(final, to)).toBe(false);
    }
    for (const from of statuses) expect(canTransition(from, "prepared")).toBe(false);
  });

  it("lets the citizen act only while prepared or needs_info", () => {
    expect(statuses.filter(isAwaitingCitizen)).toEqual(["prepared", "needs_info"]);
  });

  it("names each status's effects and SMS in one place", () => {
    expect(lifecycle.submitted.effects).toEqual(["submission"]);
    expect(lifecycle.received).toMatchObject({ effects: ["receipt"], sms: "received" });
    expect(lifecycle.needs_info).toMatchObject({ effects: ["citizenDeadline"], sms: "needsInfo" });
    expect(lifecycle.approved).toMatchObject({ effects: ["result"], sms: "approved" });
    expect(lifecycle.delivered).toMatchObject({ effects: ["delivery"], sms: "delivered" });
    expect(lifecycle.expired).toMatchObject({ effects: [], by: ["engine"] });
  });
});
