// vi-VN writes a decimal comma (66,7%); English keeps the point.
const tag = (locale: string) => (locale === "en" ? "en-GB" : "vi-VN");

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 }).format(value);
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits }).format(value);
}
