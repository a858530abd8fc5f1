import { z } from "zod";

/** A Vietnamese mobile number as stored in the outbox: 10 digits, 0 then a mobile prefix (3, 5, 7, 8, 9). */
export const mobilePhoneSchema = z
  .string({ error: "phone is required" })
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, "").replace(/^\+84/, "0"))
  .pipe(z.string().regex(/^0[35789]\d{8}$/, "phone must be a Vietnamese mobile number: 10 digits starting with 0, e.g. 0905000001"));
