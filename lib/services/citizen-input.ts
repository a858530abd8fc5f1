import { z } from "zod";
import type { CitizenField, ServiceDefinition } from "./definition";
import { isApplicable, missingRequired, type RequiredWhen } from "./required-when";

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
  | "digitsOnly"
  | "consentRequired"
  | "invalidText";

/** Text PostgreSQL can store: no lone surrogate (a JSON "\ud800"), no control character but line breaks and tabs. */
export const storableText = (s: string) => !/\p{Cs}|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(s);

// Letters with diacritics; an apostrophe or a hyphen may join letters (H'Hen, Ksor-Nay).
const NAME_WORD = /^\p{L}\p{M}*(?:['’-]?\p{L}\p{M}*)*$/u;

/**
 * A Vietnamese personal name: letters (with diacritics, ethnic-minority names too) and spaces, at least
 * 2 words, ≤ 100 characters. No upper word count: some ethnic groups' names have more than six.
 */
export const personName = z
  .string()
  .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
  .superRefine((name, ctx) => {
    if (name.length === 0) return ctx.addIssue({ code: "custom", message: "required" });
    if (!storableText(name)) return ctx.addIssue({ code: "custom", message: "invalidText" });
    if (name.length > 100) return ctx.addIssue({ code: "custom", message: "nameTooLong" });
    const words = name.split(" ");
    if (!words.every((w) => NAME_WORD.test(w))) return ctx.addIssue({ code: "custom", message: "nameLetters" });
    if (words.length < 2) ctx.addIssue({ code: "custom", message: "nameWords" });
  });

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A household member the registry lists: asked "still lives here?", and why not when they left. */
type MemberField =
  | { kind: "memberStays"; key: string; required: false; requiredWhen: RequiredWhen; name: string }
  | { kind: "memberReason"; key: string; required: false; requiredWhen: RequiredWhen; name: string };
export type FlatField = Exclude<CitizenField, { kind: "householdMembers" }> | MemberField;

export const MEMBER_STAYS = ["stays", "left"] as const;

/** The names a registry list in the pre-filled data holds (members of the household, schools…). */
export function namesFrom(prefilled: Record<string, unknown>, key: string): string[] {
  const list = prefilled[key];
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === "string") : [];
}

/** The service's citizen fields with each household-members field expanded into one question per person. */
export function flatFields(service: ServiceDefinition, prefilled: Record<string, unknown>): FlatField[] {
  return service.citizenFields.flatMap((f): FlatField[] => {
    if (f.kind !== "householdMembers") return [f];
    const when = f.requiredWhen ?? { field: f.key, equals: [] };
    return namesFrom(prefilled, f.optionsFrom).flatMap((name, i): MemberField[] => [
      { kind: "memberStays", key: `${f.key}${i}`, required: false, requiredWhen: when, name },
      { kind: "memberReason", key: `${f.key}${i}Reason`, required: false, requiredWhen: { field: `${f.key}${i}`, equals: ["left"] }, name },
    ]);
  });
}

function fieldSchema(field: FlatField, prefilled: Record<string, unknown>): z.ZodType {
  switch (field.kind) {
    case "memberStays":
      return z.enum(MEMBER_STAYS, { message: "notAnOption" });
    case "memberReason":
      return z.string().transform((s) => s.trim()).pipe(z.string().max(200, { message: "tooLong" }));
    case "personName":
      return personName;
    case "text": {
      const text = z.string().max(field.maxLength, { message: "tooLong" }).refine(storableText, { message: "invalidText" });
      return z
        .string()
        .transform((s) => (field.pattern === "digits" ? s.replace(/[\s.-]/g, "") : s.trim()))
        .pipe(field.pattern === "digits" ? text.regex(/^\d+$/, { message: "digitsOnly" }) : text);
    }
    case "number":
      return z.coerce
        .number({ message: "notANumber" })
        .int({ message: "notANumber" })
        .min(field.min, { message: "tooSmall" })
        .max(field.max, { message: "tooLarge" });
    case "choice":
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]], { message: "notAnOption" });
    case "prefilledChoice": {
      const values = namesFrom(prefilled, field.optionsFrom);
      return z.string().refine((v) => values.includes(v), { message: "notAnOption" });
    }
  }
}

/**
 * What the citizen may send for a dossier: each field validated; `required` (and `requiredWhen`) enforced
 * only when confirming. A conditional field whose condition no longer holds is cleared, so bank details
 * typed before switching back to cash are not kept.
 */
export function citizenInputSchema(
  service: ServiceDefinition,
  prefilled: Record<string, unknown>,
  mode: "confirm" | "amend",
) {
  const shape: Record<string, z.ZodType> = {};
  const fields: { key: string; required: boolean; requiredWhen?: RequiredWhen; schema: z.ZodType }[] = flatFields(service, prefilled).map((f) => ({
    key: f.key,
    required: f.required,
    requiredWhen: "requiredWhen" in f ? f.requiredWhen : undefined,
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
      mode === "confirm" && f.required && !f.requiredWhen
        ? z.preprocess(emptyToUndefined, z.any().refine((v) => v !== undefined, { message: "required" }).pipe(f.schema))
        : base;
  }
  const conditional = fields.filter((f) => f.requiredWhen);
  return z
    .strictObject(shape)
    .superRefine((values, ctx) => {
      if (mode !== "confirm") return;
      for (const key of missingRequired(conditional, values)) ctx.addIssue({ code: "custom", message: "required", path: [key] });
    })
    .transform((values) => {
      const out: Record<string, unknown> = { ...values };
      for (const f of conditional) {
        const control = f.requiredWhen!.field;
        if (control in values && values[control] !== undefined && !isApplicable(f, values, fields)) out[f.key] = undefined;
      }
      return out;
    });
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
