import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import {
  assistCandidate,
  consumeAssistTry,
  insertAssistCode,
  liveAssistSession,
  markAssistVerified,
  recordAssistedRead,
} from "../db/assist-queries";
import { findDossierFor, type CitizenDossier } from "../db/dossier-queries";
import type { StaffMember } from "../auth/staff";
import { findService } from "../services/catalogue";
import type { ServiceDefinition } from "../services/definition";
import { hitRateLimit, type RateLimit } from "../security/rate-limit";
import { renderTemplate } from "../services/render";
import { smsTemplates } from "../sms/templates";
import { salutationFor, unaccentVi } from "../sms/salutation";
import { communeInSentence } from "../places/commune";
import { env } from "../env";
import * as clock from "../clock";
import type { AssistingOfficer, CitizenActionResult } from "./citizen-actions";

export const ASSIST_CODE_MINUTES = 10;
export const ASSIST_MAX_TRIES = 3;
/** How long a verified code lets the officer act for the citizen: one sitting at the counter. */
export const ASSIST_SESSION_MINUTES = 30;
/** Codes one officer may have sent, and one citizen may receive, per hour: no SMS flood, no guessing spree. */
export const ASSIST_RATE = {
  officer: { limit: 20, windowSeconds: 3600 },
  citizen: { limit: 3, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

const personalId = z.string().trim().regex(/^\d{12}$/);
const codeInput = z.string().trim().regex(/^\d{6}$/);

/** A ward officer: staff with the commune they serve at; only they may assist at the counter. */
export function wardOfficerOf(staff: StaffMember): AssistingOfficer | undefined {
  return staff.role === "officer" && staff.commune ? { username: staff.username, fullName: staff.fullName, ward: staff.commune } : undefined;
}

function hashOf(id: string, code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`assist-code\0${id}\0${code}`).digest("base64url");
}

/** Rate-limit buckets name no personal id in clear. */
function citizenBucket(citizenId: string): string {
  return `assist:citizen:${createHmac("sha256", env().AUTH_SECRET).update(`assist-bucket\0${citizenId}`).digest("base64url")}`;
}

export type StartAssistResult =
  | { ok: true; id: string; prepared: number }
  | { ok: false; error: "invalid" | "none" | "noPhone" | "rateLimited" };

/**
 * The officer typed the id the citizen showed: if the citizen has dossiers waiting, a one-time code is
 * texted to their registered phone. The officer learns only how many dossiers wait, nothing else.
 */
export async function startAssist(db: Db, officer: AssistingOfficer, input: unknown): Promise<StartAssistResult> {
  const parsed = personalId.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  if (!(await hitRateLimit(db, `assist:officer:${officer.username}`, ASSIST_RATE.officer)).allowed) return { ok: false, error: "rateLimited" };
  const candidate = await assistCandidate(db, parsed.data);
  // An unknown id and an id with nothing waiting get the same answer.
  if (!candidate || candidate.prepared === 0 || !candidate.matchCode) return { ok: false, error: "none" };
  if (!candidate.phone) return { ok: false, error: "noPhone" };
  if (!(await hitRateLimit(db, citizenBucket(parsed.data), ASSIST_RATE.citizen)).allowed) return { ok: false, error: "rateLimited" };

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = clock.now();
  const body = renderTemplate(smsTemplates.assistCode.text, {
    otp: code,
    ward: unaccentVi(communeInSentence(officer.ward, "vi")),
    salutation: salutationFor(candidate, clock.today()),
    matchCode: candidate.matchCode,
  });
  const id = randomUUID();
  await insertAssistCode(db, {
    id,
    officer: officer.username,
    citizenId: parsed.data,
    codeHash: hashOf(id, code),
    expiresAt: new Date(now.getTime() + ASSIST_CODE_MINUTES * 60_000),
    sms: { phone: candidate.phone, body },
  });
  return { ok: true, id, prepared: candidate.prepared };
}

export type VerifyAssistResult = { ok: true } | { ok: false; error: "invalid" | "wrong"; triesLeft: number } | { ok: false; error: "expired" };

/** The code the citizen read out: right within 10 minutes and 3 tries, it opens the assist session. */
export async function verifyAssist(db: Db, officer: AssistingOfficer, id: string, input: unknown): Promise<VerifyAssistResult> {
  const code = codeInput.safeParse(input);
  if (!z.string().uuid().safeParse(id).success) return { ok: false, error: "expired" };
  if (!code.success) return { ok: false, error: "invalid", triesLeft: ASSIST_MAX_TRIES };
  // Each try is counted before the comparison, atomically: parallel guesses cannot exceed the limit.
  const attempt = await consumeAssistTry(db, { id, officer: officer.username, maxTries: ASSIST_MAX_TRIES, now: clock.now() });
  if (!attempt) return { ok: false, error: "expired" };
  const expected = Buffer.from(attempt.codeHash);
  const actual = Buffer.from(hashOf(id, code.data));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    const triesLeft = ASSIST_MAX_TRIES - attempt.attempts;
    return triesLeft > 0 ? { ok: false, error: "wrong", triesLeft } : { ok: false, error: "expired" };
  }
  await markAssistVerified(db, id, clock.now());
  return { ok: true };
}

/** The citizen an officer may act for now under this verified code, or undefined. */
export async function assistSession(db: Db, officer: AssistingOfficer, id: string): Promise<{ citizenId: string; fullName: string } | undefined> {
  if (!z.string().uuid().safeParse(id).success) return undefined;
  const since = new Date(clock.now().getTime() - ASSIST_SESSION_MINUTES * 60_000);
  return liveAssistSession(db, { id, officer: officer.username, verifiedSince: since });
}

export type AssistedDossier =
  | { ok: true; citizen: { citizenId: string; fullName: string }; dossier: CitizenDossier; service: ServiceDefinition }
  | { ok: false; error: "expired" | "not_found" };

/**
 * One of the assisted citizen's own dossiers (whatever code is typed in the address), with the service
 * version it was prepared under: the form shown is the one its confirm is checked against. The read is logged.
 */
export async function assistedDossier(db: Db, officer: AssistingOfficer, id: string, code: string): Promise<AssistedDossier> {
  const session = await assistSession(db, officer, id);
  if (!session) return { ok: false, error: "expired" };
  const dossier = await findDossierFor(db, session.citizenId, code);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  await recordAssistRead(db, officer, session.citizenId, dossier.id);
  return { ok: true, citizen: session, dossier, service };
}

/** Records in the citizen's data-access list that the officer read this dossier with their code. */
export async function recordAssistRead(db: Db, officer: AssistingOfficer, citizenId: string, dossierId: string): Promise<void> {
  await recordAssistedRead(db, {
    citizenId,
    dossierId,
    agency: `UBND ${communeInSentence(officer.ward, "vi")}`,
    purpose: `${ASSISTED_PURPOSE_PREFIX}${officer.username}`,
  });
}

/** How a data-access row from assisted mode is told apart (components/dossier/data-access-list.tsx). */
export const ASSISTED_PURPOSE_PREFIX = "assisted:";

/**
 * Where the counter goes after a confirm or amend: the dossier with a notice that says what happened
 * (a "Báo sai" still open is named as such, not as a dossier no longer waiting), or the list when it is gone.
 */
export function assistOutcomeUrl(assistId: string, dossierCode: string, intent: "confirm" | "amend", result: CitizenActionResult): string {
  const list = `/officer/assist/${encodeURIComponent(assistId)}`;
  const path = `${list}/${encodeURIComponent(dossierCode)}`;
  if (result.ok) return `${path}?result=${intent === "confirm" ? "submitted" : "saved"}`;
  switch (result.error) {
    case "invalid":
      return `${path}?result=invalid&fields=${encodeURIComponent(Object.keys(result.fieldErrors).join(","))}`;
    case "not_found":
      return list;
    case "conflict":
      return `${path}?result=conflict`;
    case "correction_pending":
      return `${path}?result=correctionPending`;
    case "not_editable":
    case "idempotency_mismatch":
      return `${path}?result=notEditable`;
  }
}
