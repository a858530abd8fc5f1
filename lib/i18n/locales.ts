export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function parseLocale(value: string | undefined | null): Locale {
  return locales.find((l) => l === value) ?? defaultLocale;
}
