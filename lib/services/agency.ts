import type { ServiceDefinition } from "./definition";
import { pick } from "../i18n/localized";
import { withCommune } from "../places/commune";

/** The agency's name as the citizen reads it: a commune-level office names the citizen's own xã or phường. */
export function agencyName(service: ServiceDefinition, commune: string | undefined, locale: string): string {
  return withCommune(pick(service.agency.name, locale), commune, locale);
}
