import { addDays } from "../dates";
import { publicHolidays } from "./holidays";

const holidays = new Set(publicHolidays);

export function isWorkingDay(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(isoDate);
}

/** The date `n` working days after `from` (the day of submission itself does not count). */
export function addWorkingDays(from: string, n: number): string {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** The date `n` working days before `to`. */
export function subtractWorkingDays(to: string, n: number): string {
  let date = to;
  let left = n;
  while (left > 0) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}
