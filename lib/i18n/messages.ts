import type { Locale } from "./locales";
import viCommon from "@/messages/vi/common.json";
import enCommon from "@/messages/en/common.json";
import viVneid from "@/messages/vi/vneid.json";
import enVneid from "@/messages/en/vneid.json";

/** One file per namespace and locale, so features can own their texts. */
const messages = {
  vi: { ...viCommon, vneid: viVneid },
  en: { ...enCommon, vneid: enVneid },
} satisfies Record<Locale, unknown>;

export function messagesFor(locale: Locale) {
  return messages[locale];
}
