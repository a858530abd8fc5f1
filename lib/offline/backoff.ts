/**
 * Timing rules for a phone on a flaky network: when to retry a queued confirmation, how long one attempt
 * may take before it counts as failed, and how often to poll a dossier's status. Pure, so they are tested
 * without timers; callers pass their own random source for jitter.
 */

/** A request slower than this shows "Đang chờ gửi" and is retried: rural 3G hangs rather than fails. */
export const FIRST_ATTEMPT_TIMEOUT_MS = 6_000;
const MAX_ATTEMPT_TIMEOUT_MS = 30_000;

/** Each attempt gets more time than the last, so a link that is merely slow still gets through. */
export function attemptTimeoutMs(failures: number): number {
  return Math.min(MAX_ATTEMPT_TIMEOUT_MS, FIRST_ATTEMPT_TIMEOUT_MS * (1 + Math.max(0, failures)));
}

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with "equal jitter": 2 s, 4 s, 8 s … capped at 5 minutes, each between half and
 * all of that, so many phones coming back online together do not retry in step.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

const POLL_FIRST_MS = 20_000;
const POLL_MAX_MS = 10 * 60_000;

/**
 * How long to wait before polling a dossier that is with an officer again: 20 s while it has just
 * moved, doubling for every poll that brought no change, up to 10 minutes. `false` stops polling: a
 * hidden tab, or a status that no longer moves without the citizen.
 */
export function pollIntervalMs(opts: { moving: boolean; hidden: boolean; unchangedPolls: number }): number | false {
  if (!opts.moving || opts.hidden) return false;
  return Math.min(POLL_MAX_MS, POLL_FIRST_MS * 2 ** Math.max(0, opts.unchangedPolls));
}
