import type { Trigger } from "../services/definition";

// Unaccented GSM-7, one 160-character segment with the production origin (templates.test.ts renders
// each with https://dichvucong.danang.gov.vn); every text carries the dossier's match code, as the app
// tells people ("tin nhắn thật luôn có mã này"). They name no personal data beyond a first name.
interface SmsTemplate {
  text: string;
  /** The variables whoever sends this template supplies; a placeholder outside them is a bug. */
  vars: readonly string[];
}

/** What transition() supplies to a status SMS. */
export const statusSmsVars = ["code", "receiptNo", "slaDue", "link", "matchCode", "deadline"] as const;
/** What notifyOtherParents() supplies to the other parent's notice. */
const otherParentVars = ["salutation", "firstName", "childName", "service", "deadline", "link", "matchCode"] as const;

/** Every SMS the lifecycle and the engine's reminders send (a service's first SMS is in its catalogue entry). */
export const smsTemplates = {
  received: {
    text: "DVC Da Nang: Ho so {code} da duoc tiep nhan, so bien nhan {receiptNo}. Hen tra ket qua {slaDue}. Ma doi chieu {matchCode}",
    vars: statusSmsVars,
  },
  needsInfo: {
    text: "DVC Da Nang: Ho so {code} can bo sung truoc {deadline}. Xem yeu cau: {link} Ma doi chieu {matchCode}",
    vars: statusSmsVars,
  },
  approved: {
    text: "DVC Da Nang: Ho so {code} da co ket qua. Xem va tai ve: {link} Ma doi chieu {matchCode}",
    vars: statusSmsVars,
  },
  rejected: {
    text: "DVC Da Nang: Ho so {code} khong duoc giai quyet. Xem ly do: {link} Ma doi chieu {matchCode}",
    vars: statusSmsVars,
  },
  delivered: {
    text: "DVC Da Nang: Ket qua ho so {code} da duoc tra. Moi danh gia dich vu: {link} Ma doi chieu {matchCode}",
    vars: statusSmsVars,
  },
  reminder: {
    text: "DVC Da Nang: {salutation} {firstName}, {service}: xac nhan truoc {deadline}: {link} Ma doi chieu {matchCode}",
    vars: ["salutation", "firstName", "service", "deadline", "link", "matchCode"],
  },
  // To the parent who did not submit (docs/parents.md): what was chosen, and until when to object.
  otherParentNamed: {
    text: "DVC Da Nang: {salutation} {firstName}: ten be la {childName}. Phan doi truoc {deadline}: {link} Ma doi chieu {matchCode}",
    vars: otherParentVars,
  },
  // The same without the name: other services, or a name too long for one segment (the app shows it).
  otherParentConfirmed: {
    text: "DVC Da Nang: Ho so {service} da duoc xac nhan. Phan doi truoc {deadline}: {link} Ma doi chieu {matchCode}",
    vars: otherParentVars,
  },
  // The one-time code a citizen reads out to the ward officer helping them (lib/dossiers/assist.ts);
  // the match code is the newest prepared dossier's, so the citizen can tell the text is genuine.
  assistCode: {
    text: "DVC Da Nang: Ma {otp} de can bo UBND {ward} xac nhan ho so giup {salutation}, hieu luc 10 phut. Chi doc ma tai quay. Ma doi chieu {matchCode}",
    vars: ["otp", "ward", "salutation", "matchCode"],
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateKey = keyof typeof smsTemplates;

/** One GSM-7 segment. */
export const SMS_MAX_LENGTH = 160;

const preparedBase = ["salutation", "firstName", "link", "matchCode"] as const;

/**
 * The variables the engine supplies to a service's first SMS (the catalogue's `sms`), by trigger kind:
 * prepare.ts adds the base four, candidates.ts the trigger's own `sms_vars`.
 */
export const preparedSmsVars: Record<Trigger["kind"], readonly string[]> = {
  event: preparedBase,
  window: [...preparedBase, "subjectPlate"],
  list: preparedBase,
  age: [...preparedBase, "childFirstName"],
  "construction-intent": preparedBase,
};

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Placeholders a template uses that its sender does not supply. */
export function unknownPlaceholders(template: SmsTemplate): string[] {
  return placeholdersOf(template.text).filter((p) => !template.vars.includes(p));
}

/** What is wrong with a template: unknown placeholders, no match code, more than one form of address. */
export function templateProblems(template: SmsTemplate): string[] {
  const problems = unknownPlaceholders(template).map((p) => `unknown placeholder {${p}}`);
  if (!template.text.includes("{matchCode}")) problems.push("no {matchCode}");
  if (placeholdersOf(template.text).filter((p) => p === "salutation").length > 1) problems.push("more than one {salutation}");
  // The form of address comes from {salutation} (Ong/Ba from 60, anh/chi below): never a fixed pronoun.
  // ("chi" is left out: unaccented, it is also the "chi" of "chung chi", a certificate.)
  if (/\b(ban|anh|ong|ba|em)\b/i.test(template.text.replace(/\{\w+\}/g, ""))) problems.push("a fixed pronoun");
  return problems;
}
