import { describe, expect, it } from "vitest";
import { catalogue } from "../services/catalogue";
import { serviceDefinition } from "../services/definition";
import { renderTemplate } from "../services/render";
import { unaccentVi } from "./salutation";
import { isGsm7, toGsm7 } from "./gsm7";
import {
  correctionOutcomes,
  placeholdersOf,
  preparedSmsVarsOf,
  SMS_MAX_LENGTH,
  SMS_SUMMARY_MAX_LENGTH,
  smsReplies,
  smsTemplates,
  statusSmsTemplate,
  templateProblems,
  unboundReplies,
  unknownPlaceholders,
} from "./templates";

const GSM7 = /^[A-Za-z0-9 @£$¥\n\r_!"#%&'()*+,\-./:;<=>?{}]*$/;
// The production origin of a government deployment, and the longest realistic value of each variable.
const ORIGIN = "https://dichvucong.danang.gov.vn";
const LONGEST: Record<string, string> = {
  code: "HS-2026-000123",
  receiptNo: "000.00.48.H17-261123-000001",
  slaDue: "2026-11-26",
  deadline: "2026-12-31",
  link: `${ORIGIN}/s/AbCdEfGhIjKlMnOpQrStUv`,
  matchCode: "4821",
  salutation: "Ong",
  firstName: "Phuong",
  childFirstName: "Khanh",
  childName: "Nguyen Thi Thanh Huong",
  subjectPlate: "43B-123.45",
  age: "100",
  prepareOn: "31/12",
  origin: ORIGIN,
};

// {service} is a short name, lower-cased and unaccented; reminders and the other parent's notice send
// dates as dd/MM. The notice goes only to dossiers with two parents (a newborn, a child's services).
const services = (twoParents = false) =>
  catalogue
    .filter((s) => !twoParents || s.trigger.dataset === "birth-notices" || (s.trigger.kind === "age" && s.trigger.owner === "parents"))
    .map((s) => unaccentVi(s.shortName.vi).toLowerCase());
const longest = (names: string[]) => names.reduce((a, b) => (b.length > a.length ? b : a));
const OVERRIDES: Record<string, Record<string, string>> = {
  reminder: { service: longest(services()), deadline: "31/12" },
  householdReminder: { service: longest(services()) },
  otherParentNamed: { deadline: "31/12" },
  assistCode: { otp: "482193", ward: "phuong Ngu Hanh Son" },
  otherParentConfirmed: { service: longest(services(true)), deadline: "31/12" },
  correctionAnswered: { outcome: correctionOutcomes.rejected },
};

const all = [
  ...Object.entries(smsTemplates).map(([key, t]) => ({ key, text: t.text as string, vars: t.vars as readonly string[], kind: "kind" in t ? t.kind : undefined })),
  ...catalogue.map((s) => ({ key: s.code, text: s.sms, vars: preparedSmsVarsOf(s.trigger), kind: undefined })),
];

describe("the SMS template registry", () => {
  it("uses only the variables each template's sender supplies; an unknown one fails the catalogue's validation", () => {
    for (const template of all) expect(templateProblems(template), template.key).toEqual([]);
    expect(unknownPlaceholders({ text: "Ho so {code} {secret}", vars: ["code"] })).toEqual(["secret"]);
    const birth = catalogue.find((s) => s.code === "birth-registration")!;
    const bad = serviceDefinition.safeParse({ ...birth, sms: `${birth.sms} {ownerId}` });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain("sms: unknown placeholder {ownerId}");
  });

  it("puts the match code in every SMS about a dossier, so the advice 'tin nhắn thật luôn có mã này' holds", () => {
    const dossierTemplates = all.filter((t) => t.kind !== "household");
    expect(dossierTemplates.length).toBe(all.length - 1);
    for (const template of dossierTemplates) {
      expect(template.text, template.key).toContain("Ma doi chieu {matchCode}");
      // Each still needs its code: without it the registry refuses the template.
      expect(templateProblems({ ...template, text: template.text.replace(" Ma doi chieu {matchCode}", "") }), template.key).toContain("no {matchCode}");
    }
    expect(templateProblems({ text: "DVC Da Nang: {link}", vars: ["link"] })).toEqual(["no {matchCode}"]);
  });

  it("lets only the household reminder go without a code: it names no dossier and links to /household alone", () => {
    expect(all.filter((t) => t.kind === "household").map((t) => t.key)).toEqual(["householdReminder"]);
    expect(templateProblems(smsTemplates.householdReminder)).toEqual([]);
    expect(smsTemplates.householdReminder.text).toContain("{origin}/household");
    const vars = ["link", "matchCode", "origin"];
    expect(templateProblems({ kind: "household", text: "DVC Da Nang: {link} Ma doi chieu {matchCode}", vars })).toEqual([
      "no {origin}/household",
      "{matchCode} names a dossier",
      "{link} names a dossier",
    ]);
  });

  it("addresses people by one pronoun, from {salutation}, never a fixed one", () => {
    expect(templateProblems({ text: "Chao {salutation}, ho so cua ban: {matchCode}", vars: ["salutation", "matchCode"] })).toEqual(["a fixed pronoun"]);
    for (const template of all) expect(placeholdersOf(template.text).filter((p) => p === "salutation").length, template.key).toBeLessThanOrEqual(1);
  });

  it("renders within one 160-character GSM-7 segment with a production https origin", () => {
    const lengths: Record<string, number> = {};
    for (const template of all) {
      const text = renderTemplate(template.text, { ...LONGEST, ...OVERRIDES[template.key] });
      expect(placeholdersOf(text), template.key).toEqual([]);
      expect(text, template.key).toMatch(GSM7);
      lengths[template.key] = text.length;
    }
    expect(Object.entries(lengths).filter(([, n]) => n > SMS_MAX_LENGTH)).toEqual([]);
  });
});

describe("the status SMS", () => {
  it("names the receipt number when the One-Stop system has given one, and leaves the clause out when not", () => {
    const vars = { code: LONGEST.code!, receiptNo: "", slaDue: "2026-11-26", deadline: "2026-12-31", link: LONGEST.link!, matchCode: "4821" };
    const render = (v: typeof vars) => renderTemplate(smsTemplates[statusSmsTemplate("received", v)].text, v);
    expect(render(vars)).toBe("DVC Da Nang: Ho so HS-2026-000123 da duoc tiep nhan. Hen tra ket qua 26/11/2026. Ma doi chieu 4821");
    expect(render({ ...vars, receiptNo: LONGEST.receiptNo! })).toBe(
      "DVC Da Nang: Ho so HS-2026-000123 da duoc tiep nhan, so bien nhan 000.00.48.H17-261123-000001. Hen tra ket qua 26/11/2026. Ma doi chieu 4821",
    );
    expect(statusSmsTemplate("approved", vars)).toBe("approved");
  });
});

describe("the answers to a citizen's SMS reply", () => {
  const replies = Object.entries(smsReplies).map(([key, t]) => ({ key, text: t.text as string, vars: t.vars as readonly string[] }));
  const unbound = new Set<string>(unboundReplies);
  const vars = { ...LONGEST, service: "Gia han giay phep hanh nghe y", otp: "042917", triesLeft: "2", details: "" };

  it("name a dossier only by its match code, and say nothing of one to a number tied to none", () => {
    for (const reply of replies) {
      if (unbound.has(reply.key)) expect(placeholdersOf(reply.text), reply.key).toEqual([]);
      else expect(templateProblems(reply), reply.key).toEqual([]);
    }
  });

  it("stay GSM-7 within one segment, but the summary, which has two", () => {
    for (const reply of replies) {
      const text = renderTemplate(reply.text, vars);
      expect(placeholdersOf(text), reply.key).toEqual([]);
      expect(isGsm7(text), reply.key).toBe(true);
      expect(text.length, reply.key).toBeLessThanOrEqual(reply.key === "summary" ? SMS_SUMMARY_MAX_LENGTH : SMS_MAX_LENGTH);
    }
    // The summary leaves its details at least a segment's worth of room.
    expect(SMS_SUMMARY_MAX_LENGTH - renderTemplate(smsReplies.summary.text, vars).length).toBeGreaterThan(150);
  });

  it("make any text GSM-7: marks dropped, dashes and quotes plain", () => {
    expect(toGsm7("Bệnh viện Phụ sản – Nhi Đà Nẵng “A”")).toBe('Benh vien Phu san - Nhi Da Nang "A"');
    expect(isGsm7(toGsm7("Ngày 29/11 ☺ 😀"))).toBe(true);
    expect(isGsm7("Đà Nẵng")).toBe(false);
  });
});
