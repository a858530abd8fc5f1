export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Built once: constructing an Intl formatter costs far more than formatting with it.
const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const hourMinute = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });

/** Today's date (yyyy-MM-dd) in Vietnam, whatever the server's zone. */
export function todayInVietnam(now: Date): string {
  return isoDay.format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** dd/MM/yyyy for a yyyy-MM-dd date or a timestamp, in Vietnam's zone. */
export function formatDate(value: string | Date): string {
  const date = typeof value === "string" && ISO_DATE.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return dayMonthYear.format(date);
}

/** A stored value as people read it: yyyy-MM-dd dates become dd/MM/yyyy, anything else is kept. */
export function formatIfDate(value: string): string {
  return ISO_DATE.test(value) ? formatDate(value) : value;
}

/** dd/MM/yyyy HH:mm in Vietnam's zone. */
export function formatDateTime(value: string | Date): string {
  return dateTime.format(new Date(value)).replace(",", "");
}

/** Whole days from `from` to `to` (yyyy-MM-dd). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** HH:mm in Vietnam's zone. */
export function formatTime(value: string | Date): string {
  return hourMinute.format(new Date(value));
}

const dayMonth = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit" });

/** "08:15, 02/12": when a saved copy of a page was made, short enough for a banner. */
export function formatTimeAndDay(value: string | Date): string {
  return `${formatTime(value)}, ${dayMonth.format(new Date(value))}`;
}
