import { todayInVietnam } from "./dates";

// The one clock. Rules take `today`/`now` as arguments; only entry points (pages, routes, the engine's
// scheduler) read them here, so a simulated day is never compared with the wall clock.
export function now(): Date {
  return new Date();
}

/** Today's date (yyyy-MM-dd) in Vietnam. */
export function today(): string {
  return todayInVietnam(now());
}
