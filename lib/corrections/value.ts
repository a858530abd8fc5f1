import { z } from "zod";
import { storableText } from "../services/citizen-input";
import type { CorrectionRoute } from "./route";
import { oneStopCentres } from "../places/communes";

const knownCommune = (name: string | undefined) => z.enum(oneStopCentres).safeParse(name).success;

const isoDate = (s: string) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = s.includes("/") ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
};

const words: Record<string, Record<string, string>> = {
  sex: { male: "male", nam: "male", female: "female", "nữ": "female", nu: "female" },
  category: { poor: "poor", "nghèo": "poor", near_poor: "near_poor", "cận nghèo": "near_poor" },
};

/** The corrected value an officer typed, as the registry stores it (dates dd/MM/yyyy → yyyy-MM-dd); undefined when it does not fit the line. */
export function correctedValue(route: Pick<CorrectionRoute, "format" | "fieldKey">, raw: string): string | undefined {
  const text = raw.normalize("NFC").trim();
  if (!text || text.length > 200 || !storableText(text)) return undefined;
  switch (route.format) {
    case "date":
      return isoDate(text);
    case "sex":
    case "category":
      return words[route.format]![text.toLowerCase()];
    case "text":
      if (route.fieldKey === "members") return /^\d{1,2}$/.test(text) && Number(text) > 0 ? String(Number(text)) : undefined;
      // A residence is "address, commune, province": the commune decides the registering ward.
      if (route.fieldKey === "residence" && !knownCommune(text.split(",").map((p) => p.trim()).filter(Boolean).at(-2))) return undefined;
      return text;
  }
}

export const reasonText = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(3, { message: "reasonRequired" }).max(300, { message: "reasonTooLong" }).refine(storableText, { message: "reasonRequired" }));
