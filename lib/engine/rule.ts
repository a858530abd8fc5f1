import { z } from "zod";
import { datasetCodes, type DatasetCode } from "../gov/datasets";
import { commonDerived, ruleDatasets, type ColumnType } from "./datasets";

// Identifiers and field names are checked by shape here and against the dataset registry below;
// values are never spliced into SQL (compile.ts binds them as parameters).
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "not a column name");
const fieldName = z.string().regex(/^[a-zA-Z]{1,40}$/, "not a field name");
const scalar = z.union([z.string().max(200), z.number().int().min(-1_000_000_000).max(1_000_000_000)]);

export const personFields = ["id", "fullName", "firstName", "surname", "birthDate", "sex", "commune", "ethnicity", "hometown", "residence"] as const;
export type PersonField = (typeof personFields)[number];

/** Where a pre-filled, reason or SMS value comes from. */
const source = z.union([
  z.object({ column: identifier }).strict(),
  // The subject person (the licence holder, the child, the household head).
  z.object({ person: z.enum(personFields) }).strict(),
  // The dossier's owner, when another person acts (the parent of a pupil, the relative of the deceased).
  z.object({ owner: z.enum(personFields) }).strict(),
  z.object({ derived: fieldName }).strict(),
  z.object({ value: scalar }).strict(),
  // What the pattern itself knows: the period (a year, an age), the due day, the age reached.
  z.object({ rule: z.enum(["period", "dueOn", "age"]) }).strict(),
]);
export type Source = z.infer<typeof source>;

const condition = z
  .object({
    column: identifier,
    op: z.enum(["eq", "neq", "in", "gte", "lte"]),
    value: z.union([scalar, z.array(scalar).min(1).max(50)]),
  })
  .strict();
export type Condition = z.infer<typeof condition>;

const values = z.record(fieldName, source);

const common = {
  dataset: z.enum(datasetCodes),
  // The combination: simple conditions on the dataset's own columns, all of which must hold.
  where: z.array(condition).max(10).default([]),
  reason: values,
  prefill: values,
  smsVars: values.default({}),
};

const days = (max: number) => z.number().int().min(0).max(max);

export const ruleSchema = z
  .discriminatedUnion("kind", [
    // A date on a dataset column is coming: prepared `daysBefore` ahead (an expiry).
    z.object({ kind: z.literal("window"), ...common, column: identifier, daysBefore: days(400).min(1), renewYears: z.number().int().min(1).max(20).optional() }).strict(),
    // A record arrived on a feed: prepared while it is recent (a birth, a death, an intent to build).
    z
      .object({
        kind: z.literal("event"),
        ...common,
        column: identifier,
        windowDays: days(400).min(1),
        confirmDays: days(400).min(1),
        // Counted from the event (a legal time limit) or from the day the engine prepared it.
        deadlineFrom: z.enum(["event", "scan"]),
        // A new dossier per occurrence (each intent filed), or one per subject ever (a birth).
        perOccurrence: z.boolean().default(false),
      })
      .strict(),
    // Being on this year's imported list.
    z.object({ kind: z.literal("list"), ...common, yearColumn: identifier, confirmDays: days(400).min(1) }).strict(),
    // An age reached on the population register: on the birthday, in a school year, or in a calendar
    // year, due in one month of it (first military-service registration: every April, for the men who
    // turn 17 that year — Luật Nghĩa vụ quân sự 2015, Điều 16).
    z
      .object({
        kind: z.literal("age"),
        ...common,
        dataset: z.literal("population"),
        years: z.array(z.number().int().min(1).max(120)).min(1).max(10),
        basis: z.enum(["birthday", "schoolYear", "calendarYear"]),
        // calendarYear only: the month (1–12) of the year the age is reached in which it falls due.
        month: z.number().int().min(1).max(12).optional(),
        leadDays: days(365).default(0),
        graceDays: days(365).default(0),
        owner: z.enum(["self", "parents"]).default("self"),
        confirmDays: days(400).min(1).default(30),
      })
      .strict(),
  ])
  .superRefine((rule, ctx) => {
    const spec = ruleDatasets[rule.dataset as DatasetCode];
    if (!spec) {
      ctx.addIssue({ code: "custom", message: `dataset ${rule.dataset} has no rule definition`, path: ["dataset"] });
      return;
    }
    const typeOf = (c: string): ColumnType | undefined => (Object.hasOwn(spec.columns, c) ? spec.columns[c] : undefined);
    const needColumn = (c: string, path: (string | number)[], type?: ColumnType) => {
      const t = typeOf(c);
      if (!t) ctx.addIssue({ code: "custom", message: `unknown column ${c} of ${rule.dataset}`, path });
      else if (type && t !== type) ctx.addIssue({ code: "custom", message: `column ${c} is ${t}, not ${type}`, path });
    };
    if (rule.kind === "window" || rule.kind === "event") needColumn(rule.column, ["column"], "date");
    if (rule.kind === "list") needColumn(rule.yearColumn, ["yearColumn"], "int");
    if (rule.kind === "age" && (rule.basis === "calendarYear") !== (rule.month !== undefined)) {
      ctx.addIssue({ code: "custom", message: "a month is given with basis calendarYear, and only then", path: ["month"] });
    }
    rule.where.forEach((c, i) => {
      needColumn(c.column, ["where", i, "column"]);
      if (typeOf(c.column) === "jsonb") ctx.addIssue({ code: "custom", message: `column ${c.column} cannot be compared`, path: ["where", i] });
      if ((c.op === "in") !== Array.isArray(c.value)) ctx.addIssue({ code: "custom", message: "use a list of values with 'in', one value otherwise", path: ["where", i, "value"] });
    });
    // What a first SMS may carry (SPEC: no personal data beyond the first name): the first name, the
    // rule's own period, due day and age, a fixed value, the trigger's date, or a column the dataset vouches for.
    const smsSafe = (src: Source): boolean =>
      ("person" in src && src.person === "firstName") ||
      ("owner" in src && src.owner === "firstName") ||
      "rule" in src ||
      "value" in src ||
      ("column" in src && ((Object.hasOwn(rule, "column") && (rule as { column?: string }).column === src.column) || Boolean(spec.smsColumns && Object.hasOwn(spec.smsColumns, src.column))));
    for (const [key, src] of Object.entries(rule.smsVars)) {
      if (!smsSafe(src)) ctx.addIssue({ code: "custom", message: `sms variable ${key} may carry no personal data`, path: ["smsVars", key] });
    }
    const derivedOk = (name: string) => Object.hasOwn(commonDerived, name) || Boolean(spec.derived && Object.hasOwn(spec.derived, name));
    for (const part of ["reason", "prefill", "smsVars"] as const) {
      for (const [key, src] of Object.entries(rule[part])) {
        if ("column" in src) needColumn(src.column, [part, key]);
        if ("derived" in src && !derivedOk(src.derived)) ctx.addIssue({ code: "custom", message: `unknown derived value ${src.derived}`, path: [part, key] });
      }
    }
  });

export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule["kind"];
