import { randomBytes, randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { dossierCodeSchema } from "./code";
import { queryRows, type Db, type Tx } from "../db/client";
import { citizens, deepLinks, dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { findService } from "../services/catalogue";
import { todayInVietnam } from "../dates";
import { renderTemplate } from "../services/render";
import { fieldErrorsOf } from "../services/citizen-input";
import { findDossierForAgency } from "../db/officer-queries";
import { canTransition, statusSchema, type Status } from "./status";
import { issueResult } from "./results";

export const officerActions = ["receive", "process", "approve", "request_info", "reject", "deliver"] as const;
export type OfficerAction = (typeof officerActions)[number];

/** The status each officer action leads to. */
export const officerActionTarget: Record<OfficerAction, Status> = {
  receive: "received",
  process: "processing",
  approve: "approved",
  request_info: "needs_info",
  reject: "rejected",
  deliver: "delivered",
};

const officerActionRequest = z
  .object({
    dossierCode: dossierCodeSchema,
    version: z.coerce.number().int().positive(),
    action: z.enum(officerActions),
    note: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().max(1000, { message: "tooLong" }))
      .optional(),
  })
  .superRefine((req, ctx) => {
    if ((req.action === "request_info" || req.action === "reject") && !req.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "required" });
    }
  });

type OfficerActionResult =
  | { ok: true; status: Status; version: number }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "not_found" | "not_allowed" | "conflict" };

// Unaccented, one GSM-7 segment where the code allows; names no personal data.
const statusSms: Partial<Record<Status, string>> = {
  received: "DVC Da Nang: Ho so {code} da duoc tiep nhan, so bien nhan {receiptNo}. Hen tra ket qua {slaDue}.",
  needs_info: "DVC Da Nang: Ho so {code} can bo sung thong tin. Xem yeu cau: {link} Ma doi chieu {matchCode}",
  approved: "DVC Da Nang: Ho so {code} da co ket qua. Xem va tai ve: {link} Ma doi chieu {matchCode}",
  rejected: "DVC Da Nang: Ho so {code} khong duoc giai quyet. Xem ly do: {link} Ma doi chieu {matchCode}",
  delivered: "DVC Da Nang: Ket qua ho so {code} da duoc tra. Moi danh gia dich vu: {link}",
};

/**
 * An officer moves a dossier of their own agency one step along the lifecycle. The version guards
 * against two officers acting at once; each step is an event, and the citizen gets an SMS.
 */
export async function performOfficerAction(
  db: Db,
  officer: { username: string; agency: string },
  input: unknown,
  opts: { origin: string; today?: string },
): Promise<OfficerActionResult> {
  const parsed = officerActionRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const req = parsed.data;
  const today = opts.today ?? todayInVietnam();
  const dossier = (await findDossierForAgency(db, officer.agency, req.dossierCode))?.dossier;
  const service = dossier && findService(dossier.serviceCode);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  const from = statusSchema.parse(dossier.status);
  const to = officerActionTarget[req.action];
  if (!canTransition(from, to)) return { ok: false, error: "not_allowed" };

  return db.transaction(async (tx) => {
    const extra: Partial<typeof dossiers.$inferInsert> = {};
    if (to === "received") extra.receiptNo = await nextReceiptNo(tx, today);
    if (to === "approved") {
      extra.result = await issueResult(tx, service, dossier, today);
      extra.verifyCode = randomBytes(10).toString("base64url");
      extra.resultAt = new Date();
    }
    if (to === "delivered") {
      extra.deliveredAt = new Date();
      // Sent home: the post's tracking number goes with the result (VNPost EMS format).
      if (dossier.citizenData.delivery === "post") {
        extra.result = { ...dossier.result, postalTrackingNo: `EB${randomInt(100_000_000, 999_999_999)}VN` };
      }
    }
    const [updated] = await tx
      .update(dossiers)
      .set({ ...extra, status: to, version: sql`${dossiers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, req.version), eq(dossiers.status, from)))
      .returning({
        id: dossiers.id,
        code: dossiers.code,
        ownerId: dossiers.ownerId,
        receiptNo: dossiers.receiptNo,
        slaDueDate: dossiers.slaDueDate,
        version: dossiers.version,
      });
    if (!updated) {
      // Rolls back the numbers issued above, so nothing of a lost race remains.
      throw new ConflictError();
    }
    const [event] = await tx
      .insert(dossierEvents)
      .values({
        dossierId: dossier.id,
        kind: "status",
        fromStatus: from,
        toStatus: to,
        actorKind: "officer",
        actorId: officer.username,
        note: req.note ?? null,
        data: extra.result ? { result: extra.result } : extra.receiptNo ? { receiptNo: extra.receiptNo } : null,
      })
      .returning({ id: dossierEvents.id });
    await notifyCitizen(tx, updated, to, event!.id, opts.origin);
    return { ok: true as const, status: to, version: updated.version };
  }).catch((error: unknown) => {
    if (error instanceof ConflictError) return { ok: false as const, error: "conflict" as const };
    throw error;
  });
}

class ConflictError extends Error {}

async function nextReceiptNo(tx: Tx, today: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(tx, sql`SELECT lpad(nextval('receipt_no_seq')::text, 6, '0') AS n`);
  return `000.00.48.H17-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-${row!.n}`;
}

type Notified = { id: string; code: string; ownerId: string; receiptNo: string | null; slaDueDate: string | null };

async function notifyCitizen(tx: Tx, dossier: Notified, status: Status, eventId: number, origin: string) {
  const template = statusSms[status];
  if (!template) return;
  const [target] = await tx
    .select({ phone: citizens.phone, code: deepLinks.code, matchCode: deepLinks.matchCode })
    .from(deepLinks)
    .innerJoin(citizens, eq(citizens.id, dossier.ownerId))
    .where(eq(deepLinks.dossierId, dossier.id));
  if (!target?.phone) return;
  const body = renderTemplate(template, {
    code: dossier.code,
    receiptNo: dossier.receiptNo ?? "",
    slaDue: dossier.slaDueDate ?? "",
    link: `${origin}/s/${target.code}`,
    matchCode: target.matchCode,
  });
  await tx
    .insert(smsOutbox)
    .values({ dedupeKey: `event:${eventId}`, phone: target.phone, body, dossierId: dossier.id })
    .onConflictDoNothing();
}
