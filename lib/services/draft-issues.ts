import type { z } from "zod";

/**
 * What the console says about a problem in a drafted service, by key: messages/<locale>/officer.json
 * (officer.services.issue.<key>) words each, so the form shows the error in the officer's language
 * next to the field at `path`. `values` fill the message's placeholders.
 */
export const draftIssueKeys = [
  "required",
  "tooShort",
  "tooLong",
  "tooSmall",
  "tooBig",
  "notWhole",
  "wrongType",
  "notAllowed",
  "badFormat",
  "unknownField",
  "invalidJson",
  "notYourAgency",
  "unknownColumn",
  "columnType",
  "unknownDerived",
  "listValue",
  "monthWithCalendarYear",
  "duplicateKey",
  "defaultDelivery",
  "renewalNeedsWindow",
  "smsNoLink",
  "smsNoCode",
  "smsPlaceholder",
  "smsPronoun",
  "smsSalutation",
  "smsPersonal",
  "chooseCommune",
  "unknownCommune",
  "other",
] as const;
export type DraftIssueKey = (typeof draftIssueKeys)[number];

export interface DraftIssue {
  path: string;
  /** The schema's own words, for the JSON view and the logs. */
  message: string;
  key: DraftIssueKey;
  values?: Record<string, string | number>;
}

// The schema's custom checks (definition.ts, rule.ts, proposals.ts), by the words they use.
const custom: [RegExp, DraftIssueKey, string?][] = [
  [/^invalid JSON$/, "invalidJson"],
  [/^not your agency$/, "notYourAgency"],
  [/^unknown column (\w+)/, "unknownColumn", "column"],
  [/^column (\w+) is \w+, not (\w+)/, "columnType", "column"],
  [/^column (\w+) cannot be compared/, "columnType", "column"],
  [/^unknown derived value (\w+)/, "unknownDerived", "name"],
  [/^use a list of values/, "listValue"],
  [/^a month is given/, "monthWithCalendarYear"],
  [/^duplicate field key (\w+)/, "duplicateKey", "name"],
  [/^default delivery/, "defaultDelivery"],
  [/^a renewal needs/, "renewalNeedsWindow"],
  [/^sms must carry \{link\}/, "smsNoLink"],
  [/^sms: no \{matchCode\}/, "smsNoCode"],
  [/^sms: unknown placeholder \{(\w+)\}/, "smsPlaceholder", "name"],
  [/^sms: a fixed pronoun/, "smsPronoun"],
  [/^sms: more than one \{salutation\}/, "smsSalutation"],
  [/^sms variable (\w+) may carry no personal data/, "smsPersonal", "name"],
  [/^choose at least one commune/, "chooseCommune"],
  [/^unknown commune/, "unknownCommune"],
];

function keyOf(issue: z.core.$ZodIssue): { key: DraftIssueKey; values?: Record<string, string | number> } {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "required" };
      // Every number in a definition is whole: "more than 0" is "1 or more".
      return { key: "tooSmall", values: { min: Number(issue.minimum) + (issue.inclusive === false ? 1 : 0) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_type":
      if (issue.expected === "int") return { key: "notWhole" };
      // Issues leave the input out by default; its own words say when nothing was given.
      return /received undefined$/.test(issue.message) ? { key: "required" } : { key: "wrongType" };
    case "invalid_value":
    case "invalid_union":
      return { key: "notAllowed" };
    case "invalid_format":
      return { key: "badFormat" };
    case "unrecognized_keys":
    case "invalid_key":
      return { key: "unknownField" };
    case "custom":
      for (const [pattern, key, name] of custom) {
        const match = pattern.exec(issue.message);
        if (match) return name && match[1] ? { key, values: { [name]: key === "smsPlaceholder" ? `{${match[1]}}` : match[1] } } : { key };
      }
      return { key: "other" };
    default:
      return { key: "other" };
  }
}

/** A zod issue, or one of the console's own, as the form shows it. */
export function draftIssue(issue: z.core.$ZodIssue): DraftIssue {
  return { path: issue.path.map(String).join("."), message: issue.message, ...keyOf(issue) };
}

/** A problem found outside the schema (the JSON itself, the agency), in the same shape. */
export function plainIssue(path: string, message: string): DraftIssue {
  return draftIssue({ code: "custom", path: path ? path.split(".") : [], message } as z.core.$ZodIssue);
}
