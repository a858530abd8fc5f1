import { describe, expect, it } from "vitest";
import { attemptTimeoutMs, pollIntervalMs, retryDelayMs } from "./backoff";

describe("retrying a queued confirmation", () => {
  it("doubles the wait after each failure, with jitter between half and all of it", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 1)).toBe(2_000);
    expect(retryDelayMs(2, () => 1)).toBe(4_000);
    expect(retryDelayMs(3, () => 1)).toBe(8_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(12_000);
  });

  it("never waits more than five minutes, however long the network is down", () => {
    expect(retryDelayMs(9, () => 1)).toBe(300_000);
    expect(retryDelayMs(60, () => 1)).toBe(300_000);
    expect(retryDelayMs(60, () => 0)).toBe(150_000);
  });

  it("gives each attempt more time than the last, up to 30 s", () => {
    expect(attemptTimeoutMs(0)).toBe(6_000);
    expect(attemptTimeoutMs(1)).toBe(12_000);
    expect(attemptTimeoutMs(10)).toBe(30_000);
  });
});

describe("polling a dossier's status", () => {
  it("starts at 20 s and backs off to 10 minutes while nothing changes", () => {
    const intervals = [0, 1, 2, 3, 4, 5, 6].map((n) => pollIntervalMs({ moving: true, hidden: false, unchangedPolls: n }));
    expect(intervals).toEqual([20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000]);
  });

  it("stops in a hidden tab and once the dossier no longer moves without the citizen", () => {
    expect(pollIntervalMs({ moving: true, hidden: true, unchangedPolls: 0 })).toBe(false);
    expect(pollIntervalMs({ moving: false, hidden: false, unchangedPolls: 0 })).toBe(false);
  });
});
