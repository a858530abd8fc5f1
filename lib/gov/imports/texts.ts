import vi from "@/messages/vi/gov.json";
import en from "@/messages/en/gov.json";
import { defaultLocale, locales, parseLocale, type Locale } from "../../i18n/locales";
import { renderTemplate } from "../../services/render";

type GovMessages = typeof vi;
export type GovTextKey = { [S in keyof GovMessages]: `${S}.${keyof GovMessages[S] & string}` }[keyof GovMessages];
export type GovText = (key: GovTextKey, params?: Record<string, unknown>) => string;

const messages: Record<Locale, GovMessages> = { vi, en: en satisfies GovMessages };

function lookup(locale: Locale, key: string): string | undefined {
  const [section, name] = key.split(".");
  const texts = messages[locale][section as keyof GovMessages] as Record<string, string> | undefined;
  return name === undefined ? undefined : texts?.[name];
}

export function isGovTextKey(value: string): value is GovTextKey {
  return lookup(defaultLocale, value) !== undefined;
}

/** The agencies' API texts (namespace `gov`) in one language, with {placeholders} filled. */
export function govText(locale: Locale = defaultLocale): GovText {
  return (key, params = {}) => renderTemplate(lookup(locale, key) ?? key, params);
}

/** The language an agency's system asked for (Accept-Language), Vietnamese unless English is preferred. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...attrs] = part.trim().toLowerCase().split(";");
      const q = Number(attrs.find((a) => a.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { lang: tag.split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  return parseLocale(ranked.find((r) => locales.some((l) => l === r.lang))?.lang);
}
