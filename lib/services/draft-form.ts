import type { DraftIssue } from "./draft-issues";

// The staff console's form over a drafted service definition (components/officer/service-draft-form.tsx):
// it edits the JSON object the catalogue's schema checks, so the form and the JSON view are one draft.

/** A registered dataset as the form offers it: its name and the columns a pattern may name. */
export interface DatasetOption {
  code: string;
  name: string;
  dateColumns: string[];
  intColumns: string[];
}

export type Json = Record<string, unknown>;

/** The value at a dotted path of the definition. */
export function valueAt(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Json)[k] : undefined), obj);
}

/** A copy of the definition with one value set (undefined removes it), so the JSON stays the one source. */
export function withValue(obj: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  const next = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete next[head];
    else next[head] = value;
    return next;
  }
  const child = next[head] && typeof next[head] === "object" ? (next[head] as Json) : {};
  next[head] = withValue(child, rest.join("."), value);
  return next;
}

const PATTERN_DEFAULTS: Record<string, (d: DatasetOption | undefined) => Json> = {
  window: (d) => ({ column: d?.dateColumns[0] ?? "", daysBefore: 30 }),
  event: (d) => ({ column: d?.dateColumns[0] ?? "", windowDays: 30, confirmDays: 30, deadlineFrom: "scan" }),
  list: (d) => ({ yearColumn: d?.intColumns[0] ?? "", confirmDays: 30 }),
  age: () => ({ dataset: "population", years: [18], basis: "birthday" }),
};

/** A new pattern keeps what every rule has (dataset, conditions, values) and takes its own defaults. */
export function switchPattern(trigger: Json, kind: string, datasets: DatasetOption[]): Json {
  if (trigger.kind === kind) return trigger;
  const { dataset, where, reason, prefill, smsVars } = trigger;
  const common = Object.fromEntries(Object.entries({ dataset, where, reason, prefill, smsVars }).filter(([, v]) => v !== undefined));
  return { kind, ...common, ...PATTERN_DEFAULTS[kind]!(datasets.find((d) => d.code === dataset)) };
}

/** Another dataset: a column it does not have is replaced by its first of the right type. */
export function switchDataset(trigger: Json, code: string, datasets: DatasetOption[]): Json {
  const d = datasets.find((x) => x.code === code);
  const next: Json = { ...trigger, dataset: code };
  if (typeof next.column === "string" && d && !d.dateColumns.includes(next.column)) next.column = d.dateColumns[0] ?? "";
  if (typeof next.yearColumn === "string" && d && !d.intColumns.includes(next.yearColumn)) next.yearColumn = d.intColumns[0] ?? "";
  return next;
}

/** The form's fields and the paths they edit: an issue at one of these paths is shown beside it. */
export function fieldPaths(def: Json): string[] {
  const trigger = (def.trigger ?? {}) as Json;
  const byKind: Record<string, string[]> = {
    window: ["column", "daysBefore", "renewYears"],
    event: ["column", "windowDays", "confirmDays", "deadlineFrom", "perOccurrence"],
    list: ["yearColumn", "confirmDays"],
    age: ["years", "basis", "month", "leadDays", "graceDays", "owner", "confirmDays"],
  };
  return [
    "code",
    "name.vi",
    "name.en",
    "shortName.vi",
    "shortName.en",
    "agency.code",
    "agency.name.vi",
    "agency.name.en",
    "legalBasis",
    "slaWorkingDays",
    "feeVnd",
    "declinable",
    "result.vi",
    "result.en",
    "trigger.dataset",
    "trigger.kind",
    ...(byKind[String(trigger.kind)] ?? []).map((p) => `trigger.${p}`),
    "reason.vi",
    "reason.en",
    "prepared.vi",
    "prepared.en",
    "sms",
  ];
}

/** Issues at a field's path or below it (trigger.years.0 belongs to trigger.years). */
export const issuesAt = (issues: DraftIssue[] | undefined, path: string) => (issues ?? []).filter((i) => i.path === path || i.path.startsWith(`${path}.`));
