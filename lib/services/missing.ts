import type { ServiceDefinition } from "./definition";
import { citizenInputSchema, suggestedValues } from "./citizen-input";

/**
 * The answers a confirm would still be refused for, in the form's order: what the home card's button
 * names and where it lands. Empty means the dossier can be confirmed as prepared.
 */
export function missingAnswers(service: ServiceDefinition, prefilled: Record<string, unknown>, citizenData: Record<string, unknown>): string[] {
  const parsed = citizenInputSchema(service, prefilled, "confirm").safeParse({ ...suggestedValues(service, prefilled), ...citizenData });
  if (parsed.success) return [];
  const keys = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return [...service.citizenFields.map((f) => f.key), "delivery"].filter((k) => keys.has(k));
}
