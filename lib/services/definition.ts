import { z } from "zod";
import { datasetCodes } from "../gov/datasets";
import { preparedSmsVarsOf, templateProblems } from "../sms/templates";
import { ruleSchema, type Rule } from "../engine/rule";

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localized>;

const deliveryOptions = ["post", "centre", "digital"] as const;

// A service's trigger is a declarative rule over a registered dataset (lib/engine/rule.ts).
export type Trigger = Rule;

const prefilledField = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  label: localized,
  source: z.enum(datasetCodes),
  format: z.enum(["text", "date", "sex", "category"]).default("text"),
  // A "Báo sai" on this line: "wait" holds the confirmation until the owning agency answers (a wrong
  // name would be printed on the result); "note" lets the citizen go on, and the officer sees the note.
  ifWrong: z.enum(["wait", "note"]).default("note"),
});

// A choice elsewhere that makes this field asked and required (bank details for a bank transfer).
const requiredWhen = z.object({ field: z.string().min(1), equals: z.array(z.string().min(1)).min(1) });

const citizenField = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("personName"),
    key: z.string(),
    label: localized,
    required: z.boolean(),
    hint: localized.optional(),
    // What the home card's button says when this is the one thing missing ("Đặt tên cho bé").
    ask: localized.optional(),
  }),
  z.object({
    kind: z.literal("text"),
    key: z.string(),
    label: localized,
    required: z.boolean(),
    maxLength: z.number().int().positive().default(200),
    pattern: z.enum(["digits"]).optional(),
    prefillFrom: z.string().optional(),
    hint: localized.optional(),
    requiredWhen: requiredWhen.optional(),
  }),
  z.object({
    kind: z.literal("number"),
    key: z.string(),
    label: localized,
    required: z.boolean(),
    min: z.number(),
    max: z.number(),
    prefillFrom: z.string().optional(),
    hint: localized.optional(),
  }),
  z.object({
    kind: z.literal("choice"),
    key: z.string(),
    label: localized,
    required: z.boolean(),
    // Under each option: `detail` explains a term ("Tại điểm"); `detailFrom` shows a pre-filled value (the father's hometown).
    options: z
      .array(z.object({ value: z.string().min(1), label: localized, detail: localized.optional(), detailFrom: z.string().optional() }))
      .min(2),
    prefillFrom: z.string().optional(),
    hint: localized.optional(),
    requiredWhen: requiredWhen.optional(),
  }),
  // One "still lives here?" question per person the registry lists (optionsFrom), and a reason for each who left.
  z.object({
    kind: z.literal("householdMembers"),
    key: z.string().regex(/^[a-zA-Z]+$/),
    label: localized,
    required: z.boolean(),
    optionsFrom: z.string(),
    hint: localized.optional(),
    requiredWhen: requiredWhen.optional(),
  }),
  // Options read from the dossier's pre-filled data (e.g. the schools of the child's ward).
  z.object({
    kind: z.literal("prefilledChoice"),
    key: z.string(),
    label: localized,
    required: z.boolean(),
    optionsFrom: z.string(),
    // A pre-filled map from option to its address, shown under each option (a school's street address).
    addressesFrom: z.string().optional(),
    hint: localized.optional(),
  }),
]);
export type CitizenField = z.infer<typeof citizenField>;

export const serviceDefinition = z
  .object({
    code: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    name: localized,
    shortName: localized,
    agency: z.object({ code: z.string().min(1), name: localized }),
    legalBasis: z.string().min(1),
    trigger: ruleSchema,
    // From the pilot of 2025 (Kế hoạch 92/KH-UBND), or proposed to grow the catalogue to 27.
    stage: z.enum(["pilot", "proposed"]).default("proposed"),
    reason: localized,
    prepared: localized,
    prefilled: z.array(prefilledField).min(1),
    citizenFields: z.array(citizenField),
    slaWorkingDays: z.number().int().positive(),
    feeVnd: z.number().int().nonnegative(),
    result: localized,
    // What approval issues; each kind is one issuer in lib/dossiers/results.ts.
    issues: z.enum(["birth-package", "licence-renewal", "benefits", "school-place", "permit-dossier", "record"]),
    delivery: z.array(z.enum(deliveryOptions)),
    // The pilot's choice for the citizen, shown pre-selected and changeable, so that it is never "missing".
    defaultDelivery: z.enum(deliveryOptions).optional(),
    // Whether the citizen may answer "Không cần"; a legal duty such as registering a birth may not be declined.
    declinable: z.boolean().default(true),
    sms: z.string().max(160),
  })
  .superRefine((def, ctx) => {
    const keys = [...def.prefilled.map((f) => f.key), ...def.citizenFields.map((f) => f.key), "delivery"];
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `duplicate field key ${dup}`, path: ["citizenFields"] });
    if (def.defaultDelivery && !def.delivery.includes(def.defaultDelivery)) {
      ctx.addIssue({ code: "custom", message: `default delivery ${def.defaultDelivery} is not offered`, path: ["defaultDelivery"] });
    }
    for (const f of def.citizenFields) {
      if (!("requiredWhen" in f) || !f.requiredWhen) continue;
      const when = f.requiredWhen;
      const control = def.citizenFields.find((c) => c.key === when.field);
      const values = control?.kind === "choice" ? control.options.map((o) => o.value) : [];
      if (f.required || !when.equals.every((v) => values.includes(v))) {
        ctx.addIssue({ code: "custom", message: `${f.key}: requiredWhen must name options of a choice field, and the field must not be required`, path: ["citizenFields"] });
      }
    }
    if (def.issues === "licence-renewal" && (def.trigger.kind !== "window" || !def.trigger.renewYears)) {
      ctx.addIssue({ code: "custom", message: "a renewal needs a window rule with renewYears", path: ["trigger"] });
    }
    if (!def.sms.includes("{link}")) ctx.addIssue({ code: "custom", message: "sms must carry {link}", path: ["sms"] });
    // The first SMS is a template of the one registry: only the variables its trigger supplies.
    for (const problem of templateProblems({ text: def.sms, vars: preparedSmsVarsOf(def.trigger) })) {
      ctx.addIssue({ code: "custom", message: `sms: ${problem}`, path: ["sms"] });
    }
  });

export type ServiceDefinition = z.infer<typeof serviceDefinition>;
