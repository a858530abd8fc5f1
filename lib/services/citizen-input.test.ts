import { describe, expect, it } from "vitest";
import { citizenInputSchema, fieldErrorsOf, personName } from "./citizen-input";
import { catalogue, getService } from "./catalogue";
import { serviceDefinition } from "./definition";

describe("Vietnamese personal names", () => {
  it.each(["Nguyễn Minh Khang", "Trần Thị Ngọc Ánh", "H'Hen Niê", "Lò Văn Pánh", "Nguyễn Văn A"])("accepts %s", (name) => {
    expect(personName.safeParse(name).success).toBe(true);
  });

  it("tidies spaces and composes diacritics", () => {
    expect(personName.parse("  Nguyễn   Minh\tKhang ")).toBe("Nguyễn Minh Khang");
    expect(personName.parse("Nguye\u0302\u0303n Minh Khang")).toBe("Nguyễn Minh Khang");
  });

  it.each([
    ["Khang", "nameWords"],
    ["Nguyễn Minh Khang 2", "nameLetters"],
    ["Nguyễn <script>", "nameLetters"],
    ["Robert'); DROP TABLE dossiers;--", "nameLetters"],
    ["", "required"],
    [`Nguyễn ${"a".repeat(100)}`, "nameTooLong"],
  ])("refuses %j with %s", (name, code) => {
    const r = personName.safeParse(name);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(code);
  });
});

describe("citizen input per service", () => {
  const birth = getService("birth-registration");

  it("requires the child's name and a delivery choice when confirming, not when amending", () => {
    const confirm = citizenInputSchema(birth, {}, "confirm").safeParse({ hometown: "father" });
    expect(confirm.success).toBe(false);
    expect(fieldErrorsOf(confirm.error!)).toEqual({ childName: "required", delivery: "required" });
    expect(citizenInputSchema(birth, {}, "amend").safeParse({ hometown: "father" }).success).toBe(true);
  });

  it("refuses unknown fields and options", () => {
    const r = citizenInputSchema(birth, {}, "amend").safeParse({ hometown: "grandmother", ownerId: "x" });
    expect(r.success).toBe(false);
  });

  it("checks numbers against their bounds", () => {
    const licence = getService("medical-licence-renewal");
    const schema = citizenInputSchema(licence, {}, "confirm");
    const r = schema.safeParse({ practiceAddress: "402 Lê Văn Hiến", cmeHours: "80", delivery: "post" });
    expect(fieldErrorsOf(r.error!)).toEqual({ cmeHours: "tooSmall" });
    expect(schema.parse({ practiceAddress: "402 Lê Văn Hiến", cmeHours: "136", delivery: "post" }).cmeHours).toBe(136);
  });

  it("offers the schools of the child's ward only", () => {
    const school = getService("school-enrollment");
    const schema = citizenInputSchema(school, { schoolOptions: ["Trường Tiểu học Phù Đổng"] }, "confirm");
    expect(schema.safeParse({ school: "Trường Tiểu học Phù Đổng", delivery: "digital" }).success).toBe(true);
    expect(schema.safeParse({ school: "Trường khác", delivery: "digital" }).success).toBe(false);
  });
});

describe("a choice that makes other fields required (requiredWhen)", () => {
  const poor = getService("poor-household-support");
  const prefilled = { householdMembers: ["Lê Văn Phúc", "Lê Thị Hoa"], headName: "Hoàng Thị Em" };
  const base = { paymentMethod: "cash", membersUnchanged: "yes", delivery: "centre" };

  it("asks nothing of the bank when the support is taken in cash", () => {
    expect(citizenInputSchema(poor, prefilled, "confirm").safeParse(base).success).toBe(true);
  });

  it("requires bank, account number and holder once bank transfer is chosen", () => {
    const r = citizenInputSchema(poor, prefilled, "confirm").safeParse({ ...base, paymentMethod: "bank" });
    expect(fieldErrorsOf(r.error!)).toEqual({ bankName: "required", bankAccount: "required", accountHolder: "required" });
    const ok = citizenInputSchema(poor, prefilled, "confirm").parse({
      ...base,
      paymentMethod: "bank",
      bankName: "Agribank",
      bankAccount: "1234 5678 9012",
      accountHolder: "Hoàng Thị Em",
    });
    expect(ok.bankAccount).toBe("123456789012");
  });

  it("refuses letters in an account number", () => {
    const r = citizenInputSchema(poor, prefilled, "amend").safeParse({ bankAccount: "12ab" });
    expect(fieldErrorsOf(r.error!)).toEqual({ bankAccount: "digitsOnly" });
  });

  it("clears bank details when the citizen goes back to cash", () => {
    const out = citizenInputSchema(poor, prefilled, "confirm").parse({ ...base, bankName: "Agribank", bankAccount: "123456" });
    expect(out).toHaveProperty("bankAccount", undefined);
    expect(out).toHaveProperty("bankName", undefined);
  });

  it("asks, by name, whether each registered member still lives there once changes are declared", () => {
    const schema = citizenInputSchema(poor, prefilled, "confirm");
    const r = schema.safeParse({ ...base, membersUnchanged: "no", member0: "left" });
    expect(fieldErrorsOf(r.error!)).toEqual({ member0Reason: "required", member1: "required" });
    const ok = schema.parse({ ...base, membersUnchanged: "no", member0: "left", member0Reason: "Đi làm ở TP.HCM", member1: "stays" });
    expect(ok.member0Reason).toBe("Đi làm ở TP.HCM");
  });

  it("reports a missing conditional field alongside the other fields' errors", () => {
    const r = citizenInputSchema(poor, prefilled, "confirm").safeParse({ paymentMethod: "bank", membersUnchanged: "yes" });
    expect(fieldErrorsOf(r.error!)).toMatchObject({ delivery: "required", bankAccount: "required" });
  });

  it("refuses a catalogue entry whose requiredWhen names no such option", () => {
    const bad = {
      ...poor,
      citizenFields: poor.citizenFields.map((f) => (f.key === "bankName" ? { ...f, requiredWhen: { field: "paymentMethod", equals: ["cheque"] } } : f)),
    };
    expect(serviceDefinition.safeParse(bad).success).toBe(false);
  });
});

describe("service catalogue", () => {
  it("holds the pilot's 8 services and 19 proposed ones, each valid", () => {
    expect(catalogue.filter((s) => s.stage === "pilot")).toHaveLength(8);
    expect(new Set(catalogue.map((s) => s.code)).size).toBe(27);
    for (const s of catalogue) expect(serviceDefinition.safeParse(s).success).toBe(true);
  });

  it("refuses a definition whose SMS has no link or whose fields collide", () => {
    const bad = { ...birth(), sms: "no link here" };
    expect(serviceDefinition.safeParse(bad).success).toBe(false);
    const dup = { ...birth(), citizenFields: [...birth().citizenFields, birth().citizenFields[0]] };
    expect(serviceDefinition.safeParse(dup).success).toBe(false);
  });

  function birth() {
    return getService("birth-registration");
  }
});
