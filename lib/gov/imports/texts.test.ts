import { describe, expect, it } from "vitest";
import vi from "@/messages/vi/gov.json";
import en from "@/messages/en/gov.json";
import { govText, localeFromAcceptLanguage } from "./texts";

const keys = (messages: Record<string, Record<string, string>>) =>
  Object.entries(messages).flatMap(([section, texts]) => Object.keys(texts).map((k) => `${section}.${k}`)).sort();

describe("agency API texts", () => {
  it("has every text in both languages", () => {
    expect(keys(en)).toEqual(keys(vi));
  });

  it("answers in the language asked for, Vietnamese by default", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,vi;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi");
    expect(localeFromAcceptLanguage("fr-FR, en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, *")).toBe("vi");
    expect(localeFromAcceptLanguage(null)).toBe("vi");
  });

  it("fills placeholders", () => {
    expect(govText("en")("row.duplicate", { line: 7 })).toBe("Same record as line 7.");
    expect(govText()("api.missingColumns", { columns: "year" })).toBe("Dòng tiêu đề thiếu cột: year.");
  });
});
