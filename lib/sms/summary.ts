import type { ServiceDefinition } from "../services/definition";
import { formatIfDate } from "../dates";
import { toGsm7 } from "./gsm7";

const SEX = { male: "Nam", female: "Nu" } as Record<string, string>;

/**
 * One line per value the citizen would confirm: their own answers first (the baby's name), then the
 * registries'. A name (in capitals) and a chosen option ("Theo quê quán của cha") say what they are
 * without a label, which leaves room in two segments for more of the rest.
 */
function lines(service: ServiceDefinition, prefilled: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of service.citizenFields) {
    const value = values[field.key];
    if (typeof value !== "string" && typeof value !== "number") continue;
    if (field.kind === "personName") out.push(String(value).toLocaleUpperCase("vi"));
    else if (field.kind === "choice") out.push(field.options.find((o) => o.value === value)?.label.vi ?? String(value));
    else out.push(`${field.label.vi}: ${value}`);
  }
  for (const field of service.prefilled) {
    const value = prefilled[field.key];
    if (typeof value !== "string" || value === "") continue;
    out.push(`${field.label.vi}: ${field.format === "sex" ? (SEX[value] ?? value) : formatIfDate(value)}`);
  }
  return out;
}

/**
 * The dossier's data in GSM-7, as many whole lines as fit in `budget` characters; when some are left out
 * it ends with "; ..." (the link shows them all). Marks are dropped: an SMS summary cannot carry them.
 */
export function summaryDetails(service: ServiceDefinition, prefilled: Record<string, unknown>, values: Record<string, unknown>, budget: number): string {
  let text = "";
  for (const line of lines(service, prefilled, values).map(toGsm7)) {
    const next = text ? `${text}; ${line}` : line;
    if (next.length > budget - 5) return text ? `${text}; ..` : `${line.slice(0, budget - 5)}..`;
    text = next;
  }
  return text;
}
