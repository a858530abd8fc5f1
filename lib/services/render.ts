import { formatDate } from "../dates";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fills a catalogue template's {placeholders}; dates become dd/MM/yyyy, other values go through `translate`. */
export function renderTemplate(
  template: string,
  params: Record<string, unknown>,
  translate: (key: string, value: string) => string = (_k, v) => v,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined || value === null) return whole;
    const text = String(value);
    return ISO_DATE.test(text) ? formatDate(text) : translate(key, text);
  });
}
