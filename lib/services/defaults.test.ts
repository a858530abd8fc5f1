import { describe, expect, it } from "vitest";
import { citizenInputSchema, suggestedValues } from "./citizen-input";
import { catalogue, getService } from "./catalogue";
import { serviceDefinition } from "./definition";

describe("the pilot's defaults, as catalogue data", () => {
  it("posts the birth certificate home and delivers renewals digitally, unless the citizen changes it", () => {
    expect(suggestedValues(getService("birth-registration"), {}).delivery).toBe("post");
    for (const code of ["medical-licence-renewal", "veterinary-cert-renewal", "transport-badge-renewal"]) {
      expect(suggestedValues(getService(code), {}).delivery).toBe("digital");
    }
  });

  it("leaves a birth with only the name missing, and a badge renewal with nothing missing", () => {
    const birth = getService("birth-registration");
    const birthCheck = citizenInputSchema(birth, {}, "confirm").safeParse({ ...suggestedValues(birth, {}), hometown: "father" });
    expect(birthCheck.success).toBe(false);
    expect(birthCheck.error?.issues.map((i) => i.path[0])).toEqual(["childName"]);
    const badge = getService("transport-badge-renewal");
    expect(citizenInputSchema(badge, {}, "confirm").safeParse(suggestedValues(badge, { vehicleInService: "yes" })).success).toBe(true);
  });

  it("refuses a default delivery the service does not offer", () => {
    const school = catalogue.find((s) => s.code === "school-enrollment")!;
    expect(serviceDefinition.safeParse({ ...school, defaultDelivery: "post" }).success).toBe(false);
  });
});

describe("what the home card asks for", () => {
  it("names the missing answers in the form's order, and none once they are given", async () => {
    const { missingAnswers } = await import("./missing");
    const birth = getService("birth-registration");
    const prefilled = { defaultHometown: "father" };
    expect(missingAnswers(birth, prefilled, {})).toEqual(["childName"]);
    expect(missingAnswers(birth, prefilled, { childName: "Nguyễn Minh Khang" })).toEqual([]);
    const support = getService("poor-household-support");
    expect(missingAnswers(support, {}, {})).toEqual(["paymentMethod", "membersUnchanged", "delivery"]);
  });
});
