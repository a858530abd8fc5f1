import { z } from "zod";
import type { CitizenField, ServiceDefinition } from "./definition";

/** Error codes are translation keys under "errors" in the message files. */
type FieldErrorCode =
  | "required"
  | "nameTooLong"
  | "nameWords"
  | "nameLetters"
  | "tooLong"
  | "notANumber"
  | "tooSmall"
  | "tooLarge"
  | "notAnOption"
  | "consentRequired"
  | "invalidText";

/** Text PostgreSQL can store: no lone surrogate (a JSON "\ud800"), no control character but line breaks and tabs. */
export const storableText = (s: string) => !/\p{Cs}|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(s);

const NAME_WORD = /^\p{L}\p{M}*(?:['’]?\p{L}\p{M}*)*$/u;

/** A Vietnamese personal name: letters (with diacritics, ethnic-minority names too) and spaces, 2–6 words, ≤ 100 characters. */
export const personName = z
  .string()
  .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
  .superRefine((name, ctx) => {
    if (name.length === 0) return ctx.addIssue({ code: "custom", message: "required" });
    if (!storableText(name)) return ctx.addIssue({ code: "custom", message: "invalidText" });
    if (name.length > 100) return ctx.addIssue({ code: "custom", message: "nameTooLong" });
    const words = name.split(" ");
    if (!words.every((w) => NAME_WORD.test(w))) return ctx.addIssue({ code: "custom", message: "nameLetters" });
    if (words.length < 2 || words.length > 6) ctx.addIssue({ code: "custom", message: "nameWords" });
  });

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function fieldSchema(field: CitizenField, prefilled: Record<string, unknown>): z.ZodType {
  switch (field.kind) {
    case "personName":
      return personName;
    case "text":
      return z
        .string()
        .transform((s) => s.trim())
        .pipe(z.string().max(field.maxLength, { message: "tooLong" }).refine(storableText, { message: "invalidText" }));
    case "number":
      return z.coerce
        .number({ message: "notANumber" })
        .int({ message: "notANumber" })
        .min(field.min, { message: "tooSmall" })
        .max(field.max, { message: "tooLarge" });
    case "choice":
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]], { message: "notAnOption" });
    case "prefilledChoice": {
      const options = prefilled[field.optionsFrom];
      const values = Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
      return z.string().refine((v) => values.includes(v), { message: "notAnOption" });
    }
  }
}

/** What the citizen may send for a dossier: each field validated; `required` enforced only when confirming. */
export function citizenInputSchema(
  service: ServiceDefinition,
  prefilled: Record<string, unknown>,
  mode: "confirm" | "amend",
) {
  const shape: Record<string, z.ZodType> = {};
  const fields: { key: string; required: boolean; schema: z.ZodType }[] = service.citizenFields.map((f) => ({
    key: f.key,
    required: f.required,
    schema: fieldSchema(f, prefilled),
  }));
  if (service.delivery.length > 0) {
    fields.push({
      key: "delivery",
      required: true,
      schema: z.enum(service.delivery as [string, ...string[]], { message: "notAnOption" }),
    });
  }
  for (const f of fields) {
    const base = z.preprocess(emptyToUndefined, f.schema.optional());
    shape[f.key] =
      mode === "confirm" && f.required
        ? z.preprocess(emptyToUndefined, z.any().refine((v) => v !== undefined, { message: "required" }).pipe(f.schema))
        : base;
  }
  return z.strictObject(shape);
}

/** What the registries suggest for the citizen's fields (e.g. the practice address on the licence), and the catalogue's default delivery. */
export function suggestedValues(service: ServiceDefinition, prefilled: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of service.citizenFields) {
    const suggested = "prefillFrom" in f && f.prefillFrom ? prefilled[f.prefillFrom] : undefined;
    if (suggested !== undefined && suggested !== null) values[f.key] = suggested;
  }
  if (service.defaultDelivery) values.delivery = service.defaultDelivery;
  return values;
}

/** The values a form starts with: what the citizen saved, else what the registry suggests. */
export function initialValues(
  service: ServiceDefinition,
  prefilled: Record<string, unknown>,
  citizenData: Record<string, unknown>,
): Record<string, string> {
  const merged = { ...suggestedValues(service, prefilled), ...citizenData };
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, String(v)]));
}

export type FieldErrors = Record<string, FieldErrorCode>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= (issue.message as FieldErrorCode) ?? "required";
  }
  return out;
}
