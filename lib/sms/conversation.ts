import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { dossierEvents } from "../db/schema";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { declineDossier } from "../dossiers/decline";
import { inProgressStatuses, type Status } from "../dossiers/status";
import { getService } from "../services/catalogue";
import { waitingCorrection } from "../corrections/requests";
import { citizenInputSchema, personName, suggestedValues } from "../services/citizen-input";
import { nameWarnings } from "../services/name-check";
import { redeemChallenge, issueChallenge } from "./challenges";
import { parseReply } from "./inbound-parse";
import { findReplyParty, isPartyPhone, type ReplyParty } from "./reply-party";
import { summaryDetails } from "./summary";
import { toGsm7 } from "./gsm7";
import { renderTemplate } from "../services/render";
import { SMS_SUMMARY_MAX_LENGTH, smsReplies, type replyVars, type SmsReplyKey } from "./templates";

export interface ConversationContext {
  origin: string;
  /** Keys the stored one-time codes (SMS_INBOUND_SECRET). */
  secret: string;
  now: Date;
  today: string;
}

type Vars = Partial<Record<(typeof replyVars)[number], string>>;
export interface Answer {
  key: SmsReplyKey;
  vars: Vars;
  dossierId?: string;
}

const SMS = "SMS" as const;

/** The text of an answer: the template filled in (the summary's details already fit its two segments). */
export function renderAnswer(answer: Answer): string {
  return renderTemplate(smsReplies[answer.key].text, answer.vars);
}

/**
 * One reply from a phone, answered. Only a party's registered phone acts on its dossier, through the
 * web's own confirm, amend and decline; anything else changes nothing. null: no answer at all (a number
 * tied to no dossier sending something we cannot read).
 */
export async function answerReply(db: Db, phone: string, text: string, ctx: ConversationContext): Promise<Answer | null> {
  const command = parseReply(text);
  switch (command.kind) {
    case "help":
    case "unknown":
    case "tooLong":
      return (await isPartyPhone(db, phone)) ? { key: command.kind, vars: {} } : null;
    case "malformed":
      if (command.problem === "match") return (await isPartyPhone(db, phone)) ? { key: "noDossier", vars: {} } : null;
  }
  const party = await findReplyParty(db, phone, command.match);
  if (!party) return { key: "noDossier", vars: {} };
  const about = (key: SmsReplyKey, vars: Vars = {}): Answer => ({
    key,
    dossierId: party.dossier.id,
    vars: { matchCode: party.link.matchCode, link: `${ctx.origin}/s/${party.link.code}`, code: party.dossier.code, ...vars },
  });
  switch (command.kind) {
    case "malformed":
      return about(command.problem === "name" ? "nameMissing" : "codeMalformed");
    case "name":
      return name(db, party, command.name, ctx, about);
    case "confirm":
      return command.code ? confirm(db, party, command.code, ctx, about) : summarize(db, party, party.dossier.version, ctx, about);
    case "decline": {
      const result = await declineDossier(db, party.citizenId, { dossierCode: party.dossier.code, version: party.dossier.version }, { origin: ctx.origin, channel: SMS });
      if (result.ok) return about("declined");
      return about(result.error === "conflict" ? "changed" : party.dossier.status === "prepared" ? "notDeclinable" : statusAnswer(party.dossier.status));
    }
  }
}

type About = (key: SmsReplyKey, vars?: Vars) => Answer;

/** Submitted and beyond: a repeated confirm is told so; anything else is left to the app. */
function statusAnswer(status: Status): SmsReplyKey {
  return [...inProgressStatuses, "delivered", "rejected"].includes(status) ? "alreadySubmitted" : "notAwaiting";
}

/** Every word begins with a capital (a phone types "nguyễn minh khang"); marks are never added. */
function capitalized(name: string): string {
  return name
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

async function smsEvent(db: Db, party: ReplyParty, step: "codeSent" | "codeWrong" | "nameNoAccents") {
  await db.insert(dossierEvents).values({ dossierId: party.dossier.id, kind: "sms", actorKind: "citizen", actorId: party.citizenId, data: { channel: SMS, step } });
}

async function name(db: Db, party: ReplyParty, raw: string, ctx: ConversationContext, about: About): Promise<Answer> {
  const { dossier } = party;
  const service = getService(dossier.serviceCode, dossier.serviceVersion);
  const field = service.citizenFields.find((f) => f.kind === "personName");
  if (dossier.status !== "prepared") return about(statusAnswer(dossier.status));
  if (!field) return about("notNameable");
  const parsed = personName.safeParse(raw);
  if (!parsed.success) return about("nameInvalid");
  const childName = capitalized(parsed.data);
  // A name without marks is not guessed into one: the parent writes it, here or on the link.
  if (nameWarnings(childName, {}).includes("noToneMarks")) {
    await smsEvent(db, party, "nameNoAccents");
    return about("nameNoAccents");
  }
  const amended = await performCitizenAction(
    db,
    party.citizenId,
    "amend",
    { dossierCode: dossier.code, version: dossier.version, idempotencyKey: randomUUID(), input: { [field.key]: childName } },
    { origin: ctx.origin, today: ctx.today, channel: SMS },
  );
  if (amended.ok) return summarize(db, { ...party, dossier: { ...dossier, citizenData: { ...dossier.citizenData, [field.key]: childName } } }, amended.version, ctx, about);
  if (amended.error === "invalid") return about("nameInvalid");
  if (amended.error === "not_editable") return about(statusAnswer(amended.status));
  return about("changed");
}

/** The whole dossier as it would be submitted, and a one-time code that confirms exactly this version. */
async function summarize(db: Db, party: ReplyParty, version: number, ctx: ConversationContext, about: About): Promise<Answer> {
  const { dossier } = party;
  if (dossier.status !== "prepared") return about(statusAnswer(dossier.status));
  // A code would be refused until the "Báo sai" is settled; the link shows why it waits.
  if (await waitingCorrection(db, dossier.id)) return about("notAwaiting");
  const service = getService(dossier.serviceCode, dossier.serviceVersion);
  const values = { ...suggestedValues(service, dossier.prefilled), ...dossier.citizenData };
  const check = citizenInputSchema(service, dossier.prefilled, "confirm").safeParse(values);
  if (!check.success) {
    const missingName = service.citizenFields.some((f) => f.kind === "personName" && check.error.issues.some((i) => i.path[0] === f.key));
    return about(missingName ? "nameMissing" : "needsWeb");
  }
  const otp = await issueChallenge(db, { dossierId: dossier.id, citizenId: party.citizenId }, version, ctx.secret, ctx.now);
  await smsEvent(db, party, "codeSent");
  const vars = { service: toGsm7(service.shortName.vi), otp, details: "" };
  const budget = SMS_SUMMARY_MAX_LENGTH - renderAnswer(about("summary", vars)).length;
  return about("summary", { ...vars, details: summaryDetails(service, dossier.prefilled, check.data, budget) });
}

async function confirm(db: Db, party: ReplyParty, code: string, ctx: ConversationContext, about: About): Promise<Answer> {
  const { dossier } = party;
  // A repeated XN after the dossier went (by SMS or on the web) is answered, and acts no more.
  if (dossier.status !== "prepared") return about(statusAnswer(dossier.status));
  const redeemed = await redeemChallenge(db, { dossierId: dossier.id, citizenId: party.citizenId }, code, ctx.secret, ctx.now);
  if (!redeemed.ok) {
    if (redeemed.reason !== "wrong") return about("codeDead");
    await smsEvent(db, party, "codeWrong");
    return redeemed.triesLeft > 0 ? about("codeWrong", { triesLeft: String(redeemed.triesLeft) }) : about("codeDead");
  }
  // The web's confirm, at the version the summary showed: a change since is a conflict, and the
  // challenge id as idempotency key makes a redelivered reply the same request.
  const result = await performCitizenAction(
    db,
    party.citizenId,
    "confirm",
    { dossierCode: dossier.code, version: redeemed.dossierVersion, idempotencyKey: redeemed.challengeId, input: {}, consent: true },
    { origin: ctx.origin, today: ctx.today, channel: SMS },
  );
  if (result.ok) return about("confirmed");
  if (result.error === "not_editable") return about(statusAnswer(result.status));
  if (result.error === "invalid") return about("needsWeb");
  if (result.error === "correction_pending") return about("notAwaiting");
  return about("changed");
}
