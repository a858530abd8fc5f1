import { describe, expect, it } from "vitest";
import { catalogue, getService } from "../services/catalogue";
import { draftIssue } from "../services/draft-issues";
import { ruleSchema } from "./rule";

const licence = getService("medical-licence-renewal").trigger;
const badge = getService("transport-badge-renewal").trigger;
const smsIssues = (trigger: unknown) => {
  const parsed = ruleSchema.safeParse(trigger);
  return parsed.success ? [] : parsed.error.issues.map(draftIssue).filter((i) => i.path.startsWith("smsVars"));
};

describe("what a rule may put in its first SMS", () => {
  it("keeps all 27 catalogue services valid", () => {
    expect(catalogue).toHaveLength(27);
    for (const service of catalogue) expect(smsIssues(service.trigger)).toEqual([]);
  });

  it("refuses a personal id, an address, a full name, a birth date or a derived value", () => {
    for (const source of [{ column: "holder_id" }, { column: "address" }, { column: "number" }, { person: "fullName" }, { person: "id" }, { owner: "birthDate" }, { person: "residence" }, { derived: "residence" }]) {
      expect(smsIssues({ ...licence, smsVars: { leak: source } }), JSON.stringify(source)).toEqual([
        { path: "smsVars.leak", message: "sms variable leak may carry no personal data", key: "smsPersonal", values: { name: "leak" } },
      ]);
    }
  });

  it("allows the first name, the rule's own dates and age, a fixed value, the trigger's date and a vouched-for column", () => {
    const safe = { first: { person: "firstName" }, due: { rule: "dueOn" }, period: { rule: "period" }, fixed: { value: "Da Nang" }, expires: { column: "expires_on" } };
    expect(smsIssues({ ...licence, smsVars: safe })).toEqual([]);
    expect(smsIssues(badge)).toEqual([]);
    // The plate is vouched for on the transport badges only: another licence's subject column is not.
    expect(smsIssues({ ...licence, smsVars: { plate: { column: "subject" } } })).toHaveLength(1);
  });
});
