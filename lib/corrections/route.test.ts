import { describe, expect, it } from "vitest";
import { catalogue, getService } from "../services/catalogue";
import { correctionRoute, ownerAgencyName } from "./route";

describe("where a Báo sai goes", () => {
  it("sends a population line to the police, a birth-notice line to the hospital, a licence line to its issuer", () => {
    const birth = getService("birth-registration");
    expect(correctionRoute(birth, "motherName")).toMatchObject({ dataset: "population", agency: "congan", effect: "wait" });
    expect(correctionRoute(birth, "residence")).toMatchObject({ dataset: "population", agency: "congan", effect: "note" });
    expect(correctionRoute(birth, "birthPlace")).toMatchObject({ dataset: "birth-notices", agency: "benhvien" });
    expect(correctionRoute(getService("medical-licence-renewal"), "scope")).toMatchObject({ dataset: "medical-licences", agency: "yte" });
    expect(correctionRoute(getService("transport-badge-renewal"), "subject")).toMatchObject({ agency: "vantai" });
    expect(ownerAgencyName("congan")?.vi).toBe("Bộ Công an");
  });

  it("has no route for a line the service does not pre-fill (the citizen's own answers)", () => {
    expect(correctionRoute(getService("birth-registration"), "childName")).toBeUndefined();
    expect(correctionRoute(getService("birth-registration"), "nope")).toBeUndefined();
  });

  it("holds the confirmation for a wrong name, never for a wrong address", () => {
    for (const service of catalogue) {
      for (const field of service.prefilled) {
        const route = correctionRoute(service, field.key)!;
        if (/Name$/.test(field.key)) expect(route.effect, `${service.code}.${field.key}`).toBe("wait");
        if (field.key === "residence" || field.key === "address") expect(route.effect).toBe("note");
        expect(ownerAgencyName(route.agency), route.agency).toBeDefined();
      }
    }
  });
});
