import { describe, expect, it } from "vitest";
import { placeholdersOf, smsTemplates, unknownPlaceholders } from "./templates";

const GSM7 = /^[A-Za-z0-9 @£$¥\n\r_!"#%&'()*+,\-./:;<=>?{}]*$/;

describe("the SMS template registry", () => {
  it("uses only the variables each template's sender supplies", () => {
    for (const [key, template] of Object.entries(smsTemplates)) expect(unknownPlaceholders(template), key).toEqual([]);
    expect(unknownPlaceholders({ text: "Ho so {code} {secret}", vars: ["code"] })).toEqual(["secret"]);
  });

  it("is plain GSM-7, so each message stays one 160-character segment where it can", () => {
    for (const [key, template] of Object.entries(smsTemplates)) expect(template.text, key).toMatch(GSM7);
    expect(placeholdersOf("a {b} c {d}")).toEqual(["b", "d"]);
  });
});
