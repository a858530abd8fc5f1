/**
 * A field that an answer elsewhere makes asked and required (bank details once "bank transfer" is
 * chosen). Pure and dependency-free so the server schema and the browser form apply the same rule.
 */
export interface RequiredWhen {
  field: string;
  equals: string[];
}

export interface ConditionalField {
  key: string;
  required: boolean;
  requiredWhen?: RequiredWhen;
}

type Values = Record<string, unknown>;

/** Whether the field is asked at all: its condition holds, and the field it hangs on is asked too. */
export function isApplicable(field: ConditionalField, values: Values, fields: ConditionalField[], depth = 0): boolean {
  const when = field.requiredWhen;
  if (!when) return true;
  const answer = values[when.field];
  if (typeof answer !== "string" || !when.equals.includes(answer)) return false;
  const control = fields.find((f) => f.key === when.field);
  return !control || depth > 8 || isApplicable(control, values, fields, depth + 1);
}

/** Whether the field must be answered, given the other answers. */
export function isRequiredNow(field: ConditionalField, values: Values, fields: ConditionalField[]): boolean {
  return field.requiredWhen ? isApplicable(field, values, fields) : field.required;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** The keys of required fields left blank, in field order. */
export function missingRequired(fields: ConditionalField[], values: Values): string[] {
  return fields.filter((f) => isRequiredNow(f, values, fields) && blank(values[f.key])).map((f) => f.key);
}
