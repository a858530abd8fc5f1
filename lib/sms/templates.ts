
// Unaccented GSM-7, one 160-character segment with the production origin (templates.test.ts renders
// each with https://dichvucong.danang.gov.vn); every text about a dossier carries its match code, as the
// app tells people ("tin nhắn thật luôn có mã này"); only the household kind, with no dossier yet, has
// none. They name no personal data beyond a first name.
interface SmsTemplate {
  text: string;
  /** The variables whoever sends this template supplies; a placeholder outside them is a bug. */
  vars: readonly string[];
  /**
   * "household": the one kind sent before any dossier exists (the household view's opt-in reminder), so
   * it has no match code to carry; it links only to the signed-in household page, never to a dossier.
   */
  kind?: "household";
}

/** Where a household reminder points: the page behind sign-in, the same for everyone. */
export const HOUSEHOLD_PATH = "/household";

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
  // Received before the One-Stop system numbered it (or with it not connected): no blank number clause.
  receivedNoReceipt: {
    text: "DVC Da Nang: Ho so {code} da duoc tiep nhan. Hen tra ket qua {slaDue}. Ma doi chieu {matchCode}",
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
  // To the owner when a relative they granted the dossier submitted it (lib/dossiers/delegation.ts).
  delegateSubmitted: {
    text: "DVC Da Nang: Ho so {code} da duoc nguoi than nop thay {salutation} {firstName}: {link} Ma doi chieu {matchCode}",
    vars: ["code", "salutation", "firstName", "link", "matchCode"],
  },
  // To the citizen who reported a wrong pre-filled line, when its agency answers (lib/corrections/requests.ts).
  correctionAnswered: {
    text: "DVC Da Nang: {salutation} {firstName}: bao sai ho so {code} {outcome}: {link} Ma doi chieu {matchCode}",
    vars: ["salutation", "firstName", "code", "outcome", "link", "matchCode"],
  },
  // The one-time code a citizen reads out to the ward officer helping them (lib/dossiers/assist.ts);
  // the match code is the newest prepared dossier's, so the citizen can tell the text is genuine.
  assistCode: {
    text: "DVC Da Nang: Ma {otp} de can bo UBND {ward} xac nhan ho so giup {salutation}, hieu luc 10 phut. Chi doc ma tai quay. Ma doi chieu {matchCode}",
    vars: ["otp", "ward", "salutation", "matchCode"],
  },
  // Opted into on /household; {prepareOn} is dd/MM, {service} as in `reminder`.
  householdReminder: {
    text: "DVC Da Nang: {salutation} {firstName}: {service} se duoc chuan bi san ngay {prepareOn}. Xem tai: {origin}/household",
    vars: ["salutation", "firstName", "service", "prepareOn", "origin"],
    kind: "household",
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateKey = keyof typeof smsTemplates;

/** correctionAnswered's {outcome}: the agency accepted (and corrected the line) or rejected the report. */
export const correctionOutcomes = { accepted: "da duoc sua", rejected: "khong duoc chap nhan" } as const;

/** The status SMS to send for `key` with these values: "received" names the receipt number only once there is one. */
export function statusSmsTemplate(key: SmsTemplateKey, vars: Record<(typeof statusSmsVars)[number], string>): SmsTemplateKey {
  return key === "received" && !vars.receiptNo ? "receivedNoReceipt" : key;
}

/** What the SMS conversation (lib/sms/conversation.ts) supplies to its replies. */
export const replyVars = ["matchCode", "link", "code", "service", "details", "otp", "triesLeft"] as const;

/**
 * The answers to a citizen's SMS reply (TEN/XN/KHONG/HD). Every answer about a dossier carries its match
 * code; the four that may go to a number we cannot tie to a dossier carry nothing about one (no code, no
 * link), so they reveal nothing. `summary` is the one text of two segments (SMS_SUMMARY_MAX_LENGTH).
 */
export const smsReplies = {
  help: {
    text: "DVC Da Nang: Soan TEN <ma doi chieu> <ho ten be co dau> de dat ten; XN <ma doi chieu> de nhan tom tat va ma xac nhan; KHONG <ma doi chieu> de tu choi.",
    vars: [],
  },
  unknown: { text: "DVC Da Nang: Khong hieu tin nhan nay, khong co gi thay doi. Soan HD de xem huong dan.", vars: [] },
  tooLong: { text: "DVC Da Nang: Tin nhan qua dai, khong co gi thay doi. Soan HD de xem huong dan.", vars: [] },
  // A wrong match code, or a number that is not a party: the same words either way.
  noDossier: {
    text: "DVC Da Nang: Khong tim thay ho so phu hop, khong co gi thay doi. Kiem tra ma doi chieu o cuoi tin nhan da nhan, hoac soan HD.",
    vars: [],
  },
  nameMissing: {
    text: "DVC Da Nang: Chua co ho ten. Soan TEN {matchCode} roi ho ten day du co dau cua be. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  nameNoAccents: {
    text: "DVC Da Nang: Ten chua co dau, chua luu. Soan TEN {matchCode} ho ten co dau, hoac dat ten o: {link} Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  nameInvalid: {
    text: "DVC Da Nang: Ho ten chi gom chu cai, tu 2 tu, toi da 100 ky tu; chua luu. Soan lai TEN {matchCode} <ho ten>. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  notNameable: {
    text: "DVC Da Nang: Ho so nay khong can dat ten. Soan XN {matchCode} de nhan tom tat va ma xac nhan. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  needsWeb: { text: "DVC Da Nang: Ho so can them thong tin, moi hoan tat tai: {link} Ma doi chieu {matchCode}", vars: replyVars },
  summary: {
    text: "DVC Da Nang: {service}. {details}. Ma xac nhan {otp} (10 phut). Soan XN {matchCode} {otp} de dong y va nop. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  codeMalformed: {
    text: "DVC Da Nang: Ma xac nhan gom 6 chu so. Soan XN {matchCode} <ma xac nhan>. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  codeWrong: {
    text: "DVC Da Nang: Ma xac nhan khong dung, con {triesLeft} lan thu. Ho so chua duoc nop. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  codeDead: {
    text: "DVC Da Nang: Ma xac nhan het hieu luc (qua 10 phut hoac sai 3 lan). Soan XN {matchCode} de nhan ma moi. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  changed: {
    text: "DVC Da Nang: Ho so vua thay doi sau tom tat truoc, chua nop. Soan XN {matchCode} de nhan tom tat moi. Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  confirmed: { text: "DVC Da Nang: Ho so {code} da duoc nop qua SMS. Theo doi tai: {link} Ma doi chieu {matchCode}", vars: replyVars },
  alreadySubmitted: {
    text: "DVC Da Nang: Ho so {code} da duoc nop truoc do, khong can gui lai. Theo doi: {link} Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  notAwaiting: {
    text: "DVC Da Nang: Ho so {code} khong the xu ly qua SMS luc nay. Xem tai: {link} Ma doi chieu {matchCode}",
    vars: replyVars,
  },
  declined: { text: "DVC Da Nang: Da ghi nhan khong can ho so {code}, se khong nhac lai. Ma doi chieu {matchCode}", vars: replyVars },
  notDeclinable: {
    text: "DVC Da Nang: Ho so nay khong the tu choi qua SMS. Xem tai: {link} Ma doi chieu {matchCode}",
    vars: replyVars,
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsReplyKey = keyof typeof smsReplies;

/** The replies that may go to a number no dossier is tied to: they must name no dossier. */
export const unboundReplies = ["help", "unknown", "tooLong", "noDossier"] as const satisfies readonly SmsReplyKey[];

/** The summary with its one-time code: two concatenated GSM-7 segments (153 characters each). */
export const SMS_SUMMARY_MAX_LENGTH = 306;

/** One GSM-7 segment. */
export const SMS_MAX_LENGTH = 160;

const preparedBase = ["salutation", "firstName", "link", "matchCode"] as const;

/**
 * The variables the engine supplies to a service's first SMS (the catalogue's `sms`): prepare.ts adds
 * the base four, the service's rule its own `smsVars` (a child's first name, a vehicle plate).
 */
export function preparedSmsVarsOf(rule: { smsVars: Record<string, unknown> }): readonly string[] {
  return [...preparedBase, ...Object.keys(rule.smsVars)];
}

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
  if (template.kind === "household") {
    if (!template.text.includes(`{origin}${HOUSEHOLD_PATH}`)) problems.push(`no {origin}${HOUSEHOLD_PATH}`);
    for (const p of ["matchCode", "link"]) if (placeholdersOf(template.text).includes(p)) problems.push(`{${p}} names a dossier`);
  } else if (!template.text.includes("{matchCode}")) problems.push("no {matchCode}");
  if (placeholdersOf(template.text).filter((p) => p === "salutation").length > 1) problems.push("more than one {salutation}");
  // The form of address comes from {salutation} (Ong/Ba from 60, anh/chi below): never a fixed pronoun.
  // ("chi" is left out: unaccented, it is also the "chi" of "chung chi", a certificate.)
  if (/\b(ban|anh|ong|ba|em)\b/i.test(template.text.replace(/\{\w+\}/g, ""))) problems.push("a fixed pronoun");
  return problems;
}
