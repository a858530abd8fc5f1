import { z } from "zod";

// Messages are `gov` text keys; they are put into words where the issues are reported.

export const personalId = z.string("field.personalId").regex(/^\d{12}$/, "field.personalId");

/** The calendar date of yyyy-MM-dd parts, or undefined when there is none (e.g. 31/02). */
function calendarDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * yyyy-MM-dd, a real calendar date. zod 4 runs later checks after a failed one unless it aborts, so
 * each check here aborts and the refine also holds on any string (a `refine` chained on it sees all input).
 */
export const isoDate = z
  .string("field.date")
  .regex(ISO, { message: "field.date", abort: true })
  .refine(
    (s) => {
      const parts = ISO.exec(s);
      return parts !== null && calendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) !== undefined;
    },
    { message: "field.date", abort: true },
  );

/** yyyy-MM-dd or dd/MM/yyyy (as Vietnamese spreadsheets write dates), read as yyyy-MM-dd. */
export const flexibleDate = z.string().transform((s, ctx) => {
  const iso = ISO.exec(s);
  const vn = VN.exec(s);
  const date = iso
    ? calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : vn
      ? calendarDate(Number(vn[3]), Number(vn[2]), Number(vn[1]))
      : undefined;
  if (date && date >= "1900-01-01" && date <= "2199-12-31") return date;
  ctx.addIssue({ code: "custom", message: "field.flexibleDate" });
  return z.NEVER;
});

// Control characters (NUL above all) cannot be stored as text, and have no place in a name or an address;
// nor can a lone surrogate ("\ud800" in JSON), which PostgreSQL refuses in jsonb.
const printable = (s: string) => !/\p{Cc}|\p{Cs}/u.test(s.replace(/[\t\n\r]/g, ""));

export const requiredText = (max: number) =>
  z.string().trim().min(1, "field.required").max(max, "field.tooLong").refine(printable, "field.invalid");

/** An optional cell: empty means no value. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "field.tooLong")
    .refine(printable, "field.invalid")
    .transform((s) => (s === "" ? null : s));

export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
