import type { Localized } from "../services/definition";
import type { Locale } from "./locales";

export function pick(text: Localized, locale: string): string {
  return text[(locale === "en" ? "en" : "vi") satisfies Locale];
}
