// One formatter per locale: constructing an Intl formatter costs far more than formatting with it.
const formatters = new Map<string, Intl.NumberFormat>();

/** An amount in đồng as the locale writes it; VND has no minor units, so never decimals. */
export function formatVnd(amount: number, locale: string): string {
  const tag = locale === "en" ? "en-GB" : "vi-VN";
  let formatter = formatters.get(tag);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, { style: "currency", currency: "VND", maximumFractionDigits: 0 });
    formatters.set(tag, formatter);
  }
  return formatter.format(amount);
}
