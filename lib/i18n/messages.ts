import type { Locale } from "./locales";
import viCommon from "@/messages/vi/common.json";
import enCommon from "@/messages/en/common.json";
import viVneid from "@/messages/vi/vneid.json";
import enVneid from "@/messages/en/vneid.json";
import viSms from "@/messages/vi/sms.json";
import enSms from "@/messages/en/sms.json";
import viGov from "@/messages/vi/gov.json";
import enGov from "@/messages/en/gov.json";
import viOfficer from "@/messages/vi/officer.json";
import enOfficer from "@/messages/en/officer.json";
import viIoc from "@/messages/vi/ioc.json";
import enIoc from "@/messages/en/ioc.json";
import viPayment from "@/messages/vi/payment.json";
import enPayment from "@/messages/en/payment.json";
import viParents from "@/messages/vi/parents.json";
import enParents from "@/messages/en/parents.json";
import viCorrections from "@/messages/vi/corrections.json";
import enCorrections from "@/messages/en/corrections.json";
import viCollect from "@/messages/vi/collect.json";
import enCollect from "@/messages/en/collect.json";
import viHelp from "@/messages/vi/help.json";
import enHelp from "@/messages/en/help.json";

/** One file per namespace and locale, so features can own their texts. */
const messages = {
  vi: { ...viCommon, vneid: viVneid, sms: viSms, gov: viGov, officer: viOfficer, ioc: viIoc, payment: viPayment, parents: viParents, corrections: viCorrections, collect: viCollect, help: viHelp },
  en: { ...enCommon, vneid: enVneid, sms: enSms, gov: enGov, officer: enOfficer, ioc: enIoc, payment: enPayment, parents: enParents, corrections: enCorrections, collect: enCollect, help: enHelp },
} satisfies Record<Locale, unknown>;

export function messagesFor(locale: Locale) {
  return messages[locale];
}
