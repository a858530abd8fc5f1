// Unaccented GSM-7, one segment where the code allows; they name no personal data beyond a first name.
interface SmsTemplate {
  text: string;
  /** The variables whoever sends this template supplies; a placeholder outside them is a bug. */
  vars: readonly string[];
}

/** Every SMS the lifecycle and the engine's reminders send (a service's first SMS is in its catalogue entry). */
export const smsTemplates = {
  received: {
    text: "DVC Da Nang: Ho so {code} da duoc tiep nhan, so bien nhan {receiptNo}. Hen tra ket qua {slaDue}.",
    vars: ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"],
  },
  needsInfo: {
    text: "DVC Da Nang: Ho so {code} can bo sung truoc {deadline}. Xem yeu cau: {link} Ma doi chieu {matchCode}",
    vars: ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"],
  },
  approved: {
    text: "DVC Da Nang: Ho so {code} da co ket qua. Xem va tai ve: {link} Ma doi chieu {matchCode}",
    vars: ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"],
  },
  rejected: {
    text: "DVC Da Nang: Ho so {code} khong duoc giai quyet. Xem ly do: {link} Ma doi chieu {matchCode}",
    vars: ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"],
  },
  delivered: {
    text: "DVC Da Nang: Ket qua ho so {code} da duoc tra. Moi danh gia dich vu: {link}",
    vars: ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"],
  },
  reminder: {
    text: "DVC Da Nang: Nhac {salutation} {firstName}: ho so {service} can xac nhan truoc {deadline}. Xem: {link} Ma doi chieu {matchCode}",
    vars: ["salutation", "firstName", "service", "deadline", "link", "matchCode"],
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateKey = keyof typeof smsTemplates;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Placeholders a template uses that its sender does not supply. */
export function unknownPlaceholders(template: SmsTemplate): string[] {
  return placeholdersOf(template.text).filter((p) => !template.vars.includes(p));
}
