import { formatIfDate } from "../dates";

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
    const formatted = formatIfDate(text);
    return formatted !== text ? formatted : translate(key, text);
  });
}
