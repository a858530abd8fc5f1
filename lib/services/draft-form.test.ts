import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getService } from "./catalogue";
import { serviceDefinition } from "./definition";
import { checkDraft } from "./proposals";
import { draftIssue, draftIssueKeys, type DraftIssue } from "./draft-issues";
import { fieldPaths, issuesAt, switchDataset, switchPattern, valueAt, withValue, type DatasetOption, type Json } from "./draft-form";

const datasets: DatasetOption[] = [
  { code: "population", name: "Dân cư", dateColumns: ["birth_date"], intColumns: [] },
  { code: "driving-licences", name: "GPLX", dateColumns: ["expires_on"], intColumns: [] },
  { code: "death-notices", name: "Khai tử", dateColumns: ["died_on"], intColumns: [] },
];
const pension = () => JSON.parse(JSON.stringify(getService("social-pension"))) as Json;
const issuesOf = (def: Json): DraftIssue[] => {
  const parsed = serviceDefinition.safeParse(def);
  return parsed.success ? [] : parsed.error.issues.map(draftIssue);
};
const shownBeside = (def: Json, issue: DraftIssue) => fieldPaths(def).some((p) => issuesAt([issue], p).length > 0);

describe("the drafting form edits the same definition the JSON view shows", () => {
  it("produces, field by field, the definition a department wrote as JSON", () => {
    let def = pension();
    def = withValue(def, "code", "elderly-eighty-allowance");
    def = withValue(def, "name.vi", "Trợ cấp người cao tuổi từ đủ 80 tuổi");
    def = withValue(def, "shortName.vi", "Trợ cấp người cao tuổi 80");
    def = withValue(def, "trigger.years", [80]);
    def = withValue(def, "feeVnd", 0);
    const base = getService("social-pension");
    const asJson = {
      ...base,
      code: "elderly-eighty-allowance",
      name: { ...base.name, vi: "Trợ cấp người cao tuổi từ đủ 80 tuổi" },
      shortName: { ...base.shortName, vi: "Trợ cấp người cao tuổi 80" },
      trigger: { ...base.trigger, years: [80] },
    };
    expect(serviceDefinition.parse(def)).toEqual(serviceDefinition.parse(asJson));
    expect(valueAt(def, "trigger.years")).toEqual([80]);
    // An emptied optional number leaves the definition, as it would in the JSON.
    expect(Object.hasOwn(withValue(def, "feeVnd", undefined), "feeVnd")).toBe(false);
  });

  it("switches the pattern keeping the rule's values, and the dataset keeping only its own columns", () => {
    const trigger = pension().trigger as Json;
    const window = switchPattern({ ...trigger, dataset: "driving-licences" }, "window", datasets);
    expect(window).toMatchObject({ kind: "window", dataset: "driving-licences", column: "expires_on", daysBefore: 30, reason: trigger.reason, prefill: trigger.prefill });
    expect(window).not.toHaveProperty("years");
    expect(switchPattern(window, "age", datasets)).toMatchObject({ kind: "age", dataset: "population", basis: "birthday" });
    expect(switchPattern(trigger, "age", datasets)).toBe(trigger);
    expect(switchDataset({ kind: "event", dataset: "driving-licences", column: "expires_on" }, "death-notices", datasets)).toMatchObject({ column: "died_on" });
  });

  it("shows each problem beside its field, in the officer's words, and the month of a calendar-year rule", () => {
    let def = pension();
    def = withValue(def, "name.vi", "");
    def = withValue(def, "feeVnd", -1);
    def = withValue(def, "trigger.basis", "calendarYear");
    def = withValue(def, "sms", "DVC Da Nang: {ownerId} {link}");
    const issues = issuesOf(def);
    const at = (path: string) => issues.filter((i) => i.path === path).map((i) => ({ key: i.key, values: i.values }));
    expect(at("name.vi")).toEqual([{ key: "required", values: undefined }]);
    expect(at("feeVnd")).toEqual([{ key: "tooSmall", values: { min: 0 } }]);
    expect(at("trigger.month")).toEqual([{ key: "monthWithCalendarYear", values: undefined }]);
    expect(at("sms").map((i) => i.key)).toEqual(["smsPlaceholder", "smsNoCode"]);
    expect(at("sms")[0]!.values).toEqual({ name: "{ownerId}" });
    for (const issue of issues) expect(shownBeside(def, issue), issue.path).toBe(true);
    expect(issuesOf(withValue(def, "trigger.month", 4)).some((i) => i.path === "trigger.month")).toBe(false);
    // A number that is not whole (zod then skips the definition's own checks until it is fixed).
    expect(issuesOf(withValue(pension(), "slaWorkingDays", 1.5)).map((i) => [i.path, i.key])).toEqual([["slaWorkingDays", "notWhole"]]);
  });

  it("words the console's own checks too: unreadable JSON, another agency's service", () => {
    expect(checkDraft("{", "xahoi")).toMatchObject({ ok: false, issues: [{ key: "invalidJson", path: "" }] });
    expect(checkDraft(JSON.stringify(pension()), "yte")).toMatchObject({ ok: false, issues: [{ key: "notYourAgency", path: "agency.code" }] });
    expect(checkDraft(JSON.stringify(pension()), "xahoi")).toMatchObject({ ok: true });
  });

  it("has a Vietnamese and an English message for every problem it names", () => {
    for (const locale of ["vi", "en"]) {
      const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}/officer.json`, import.meta.url), "utf8")) as { services: { issue: Record<string, string> } };
      expect(Object.keys(messages.services.issue).sort(), locale).toEqual([...draftIssueKeys].sort());
    }
  });
});
