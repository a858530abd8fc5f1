import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { citizens, deepLinks, delegations, dossiers, smsOutbox } from "../db/schema";
import { renderTemplate } from "../services/render";
import { smsTemplates } from "../sms/templates";
import { firstNameOf, salutationFor, unaccentVi } from "../sms/salutation";
import { insertDelegation, revokeDelegation } from "../db/delegation-queries";
import { findService } from "../services/catalogue";
import { hitRateLimit } from "../security/rate-limit";
import { addDays } from "../dates";
import { log } from "../log";
import { dossierCodeSchema } from "./code";
import * as clock from "../clock";

/** The longest a grant may run; the form offers 7, 30 and 90 days. */
export const MAX_DELEGATION_DAYS = 90;
export const DELEGATION_PERIODS = [7, 30, 90] as const;

const scope = z.union([
  z.string().regex(/^dossier:/).transform((s) => ({ kind: "dossier" as const, code: s.slice(8) })).pipe(z.object({ kind: z.literal("dossier"), code: dossierCodeSchema })),
  z.string().regex(/^service:/).transform((s) => ({ kind: "service" as const, code: s.slice(8) })).pipe(z.object({ kind: z.literal("service"), code: z.string().max(60) })),
]);

export const grantRequest = z.object({
  delegateId: z.string().trim().regex(/^\d{12}$/, "personalId"),
  scope,
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date"),
});

export type GrantError = "invalid" | "personalId" | "self" | "unknownPerson" | "pastDate" | "tooFar" | "notYours" | "alreadyGranted" | "rateLimited";
export type GrantResult = { ok: true; id: string } | { ok: false; error: GrantError };

/** The grant ends at the close of its last day, Vietnam time. */
function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}

/**
 * A citizen lets a relative (another VNeID user) act on one of their dossiers, or on every dossier of
 * one service of theirs, until a day at most 90 days ahead. Any refusal changes nothing.
 */
export async function grantDelegation(db: Db, grantorId: string, input: unknown): Promise<GrantResult> {
  const parsed = grantRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.some((i) => i.message === "personalId") ? "personalId" : "invalid" };
  const { delegateId, until } = parsed.data;
  const today = clock.today();
  if (delegateId === grantorId) return { ok: false, error: "self" };
  if (until <= today) return { ok: false, error: "pastDate" };
  if (until > addDays(today, MAX_DELEGATION_DAYS)) return { ok: false, error: "tooFar" };
  if (!(await hitRateLimit(db, `delegation:${grantorId}`, { limit: 20, windowSeconds: 3600 })).allowed) return { ok: false, error: "rateLimited" };

  // A delegate signs in with VNeID: a registry entry without a sign-in is not someone who can act.
  const [delegate] = await db.select({ passcodeHash: citizens.passcodeHash }).from(citizens).where(eq(citizens.id, delegateId));
  if (!delegate?.passcodeHash) return { ok: false, error: "unknownPerson" };

  let dossierId: string | null = null;
  let serviceCode: string | null = null;
  if (parsed.data.scope.kind === "dossier") {
    const [own] = await db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.code, parsed.data.scope.code), eq(dossiers.ownerId, grantorId)));
    if (!own) return { ok: false, error: "notYours" };
    dossierId = own.id;
  } else {
    if (!findService(parsed.data.scope.code)) return { ok: false, error: "invalid" };
    serviceCode = parsed.data.scope.code;
  }

  const now = clock.now();
  // Check and insert under one lock per grantor and relative: two taps at once must not make two grants.
  const granted = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`delegation:${grantorId}:${delegateId}`}))`);
    const [existing] = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(
        and(
          eq(delegations.grantorId, grantorId),
          eq(delegations.delegateId, delegateId),
          isNull(delegations.revokedAt),
          gt(delegations.endsAt, now),
          or(dossierId ? eq(delegations.dossierId, dossierId) : undefined, serviceCode ? eq(delegations.serviceCode, serviceCode) : undefined),
        ),
      );
    return existing ? undefined : insertDelegation(tx, { grantorId, delegateId, dossierId, serviceCode, endsAt: endOfDay(until) });
  });
  if (!granted) return { ok: false, error: "alreadyGranted" };
  log.info({ event: "delegation.granted", grant: granted.id, scope: parsed.data.scope.kind }, "delegation granted");
  return { ok: true, id: granted.id };
}

/** Ends a grant at once: the delegate's next request finds nothing. Only the grantor may. */
export async function revokeGrant(db: Db, grantorId: string, id: unknown): Promise<boolean> {
  const parsed = z.string().uuid().safeParse(id);
  if (!parsed.success) return false;
  const revoked = await revokeDelegation(db, grantorId, parsed.data, clock.now());
  if (revoked) log.info({ event: "delegation.revoked", grant: parsed.data }, "delegation revoked");
  return revoked;
}

/**
 * Tells the owner that the relative they granted the dossier submitted it in their name (SMS, beside
 * the timeline's event). transition() calls it, in the submission's transaction.
 */
export async function notifyGrantor(
  tx: Tx,
  dossier: { id: string; code: string },
  grantorId: string,
  eventId: number,
  at: { origin: string; today: string },
): Promise<void> {
  const [target] = await tx
    .select({ phone: citizens.phone, fullName: citizens.fullName, sex: citizens.sex, birthDate: citizens.birthDate, link: deepLinks.code, matchCode: deepLinks.matchCode })
    .from(deepLinks)
    .innerJoin(citizens, eq(citizens.id, grantorId))
    .where(eq(deepLinks.dossierId, dossier.id));
  if (!target?.phone) return;
  const vars = {
    code: dossier.code,
    salutation: salutationFor(target, at.today),
    firstName: unaccentVi(firstNameOf(target.fullName)),
    link: `${at.origin}/s/${target.link}`,
    matchCode: target.matchCode,
  } satisfies Record<(typeof smsTemplates.delegateSubmitted.vars)[number], string>;
  const body = renderTemplate(smsTemplates.delegateSubmitted.text, vars);
  await tx.insert(smsOutbox).values({ dedupeKey: `event:${eventId}:${grantorId}`, phone: target.phone, body, dossierId: dossier.id }).onConflictDoNothing();
}
