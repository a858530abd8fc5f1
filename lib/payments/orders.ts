import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db, type Executor } from "../db/client";
import { dossierEvents, payments } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";
import { findService } from "../services/catalogue";
import { pendingDecisionStatuses } from "../dossiers/status";
import * as clock from "../clock";
import { hasValidSignature, signedQuery } from "./signature";
import type { PaymentConfig } from "./config";

/** How long an order may be paid at the gateway; after that a new one is made. */
export const ORDER_MINUTES = 15;

export type Payment = typeof payments.$inferSelect;

/** A fee is payable once the citizen has confirmed, until the agency decides. */
export function isPayable(status: string, feeVnd: number): boolean {
  return feeVnd > 0 && (pendingDecisionStatuses as readonly string[]).includes(status);
}

/** The dossier's settled payment, if any. */
export async function paidPaymentOf(db: Executor, dossierId: string): Promise<Payment | undefined> {
  const [row] = await db.select().from(payments).where(and(eq(payments.dossierId, dossierId), eq(payments.status, "paid")));
  return row;
}

/** The latest order of a dossier: what the dossier page shows about its fee. */
export async function latestPaymentOf(db: Executor, dossierId: string): Promise<Payment | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(desc(payments.id)).limit(1);
  return row;
}

/** yyyyMMddHHmmss in Vietnam's time (UTC+7, no daylight saving), as the gateways expect. */
export function gatewayTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

type StartResult = { ok: true; url: string } | { ok: false; error: "not_found" | "not_payable" | "already_paid" };

/**
 * Sends the citizen to the gateway with a signed order for the dossier's fee. An open order is reused
 * while it lasts, so a double tap never makes two orders; the amount always comes from the catalogue.
 */
export async function startPayment(
  db: Db,
  config: PaymentConfig,
  citizenId: string,
  dossierCode: string,
  opts: { origin: string; locale: string; ip: string },
): Promise<StartResult> {
  const dossier = await findDossierFor(db, citizenId, dossierCode);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  if (!isPayable(dossier.status, service.feeVnd)) return { ok: false, error: "not_payable" };

  const order = await db.transaction(async (tx) => {
    await queryRows(tx, sql`SELECT id FROM dossiers WHERE id = ${dossier.id} FOR UPDATE`);
    if (await paidPaymentOf(tx, dossier.id)) return undefined;
    const now = clock.now();
    const [open] = await tx.select().from(payments).where(and(eq(payments.dossierId, dossier.id), eq(payments.status, "pending")));
    // Two minutes' margin: an order about to lapse is not sent to the gateway again.
    if (open && open.expiresAt.getTime() - now.getTime() > 2 * 60_000) return open;
    if (open) await tx.update(payments).set({ status: "expired" }).where(eq(payments.id, open.id));
    const [created] = await tx
      .insert(payments)
      .values({
        orderRef: randomBytes(9).toString("hex").toUpperCase(),
        dossierId: dossier.id,
        citizenId,
        amountVnd: service.feeVnd,
        status: "pending",
        expiresAt: new Date(now.getTime() + ORDER_MINUTES * 60_000),
      })
      .returning();
    return created!;
  });
  if (!order) return { ok: false, error: "already_paid" };

  const params: Record<string, string> = {
    vnp_Version: "2.1.0",
    vnp_Command: "pay",
    vnp_TmnCode: config.merchantCode,
    vnp_Amount: String(order.amountVnd * 100),
    vnp_CurrCode: "VND",
    vnp_TxnRef: order.orderRef,
    vnp_OrderInfo: `Le phi ho so ${dossier.code}`,
    vnp_OrderType: "other",
    vnp_Locale: opts.locale === "en" ? "en" : "vn",
    vnp_ReturnUrl: `${opts.origin}/payments/return`,
    vnp_IpAddr: opts.ip,
    vnp_CreateDate: gatewayTime(order.createdAt),
    vnp_ExpireDate: gatewayTime(order.expiresAt),
  };
  return { ok: true, url: `${config.gatewayUrl}?${signedQuery(params, config.secret)}` };
}

const notification = z.object({
  vnp_TmnCode: z.string(),
  vnp_TxnRef: z.string().regex(/^[0-9A-F]{18}$/),
  vnp_Amount: z.string().regex(/^\d{1,15}$/),
  vnp_ResponseCode: z.string().regex(/^\d{2}$/),
  vnp_TransactionStatus: z.string().regex(/^\d{2}$/),
  vnp_TransactionNo: z.string().regex(/^\d{1,20}$/),
});

/** The gateway's answer codes for a payment notification (IPN). */
export const ipnAnswers = {
  confirmed: { RspCode: "00", Message: "Confirm Success" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  invalidSignature: { RspCode: "97", Message: "Invalid signature" },
  invalidRequest: { RspCode: "99", Message: "Invalid request" },
} as const;
export type IpnAnswer = (typeof ipnAnswers)[keyof typeof ipnAnswers];

/**
 * The gateway's server-to-server notification: the only thing that marks an order paid. Signed, for
 * this merchant, for the order's exact amount, and applied once however often it arrives.
 */
export async function applyNotification(db: Db, config: PaymentConfig, params: Record<string, string> | undefined): Promise<IpnAnswer> {
  if (!params || !hasValidSignature(params, config.secret)) return ipnAnswers.invalidSignature;
  const parsed = notification.safeParse(params);
  if (!parsed.success || parsed.data.vnp_TmnCode !== config.merchantCode) return ipnAnswers.invalidRequest;
  const n = parsed.data;
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(payments).where(eq(payments.orderRef, n.vnp_TxnRef)).for("update");
    if (!order) return ipnAnswers.orderNotFound;
    if (BigInt(n.vnp_Amount) !== BigInt(order.amountVnd) * 100n) return ipnAnswers.invalidAmount;
    if (order.status !== "pending") return ipnAnswers.alreadyConfirmed;
    const succeeded = n.vnp_ResponseCode === "00" && n.vnp_TransactionStatus === "00";
    if (!succeeded) {
      // 24: the citizen cancelled at the gateway; the dossier stays confirmed and payable later.
      await tx.update(payments).set({ status: n.vnp_ResponseCode === "24" ? "cancelled" : "failed", gatewayTxnNo: n.vnp_TransactionNo }).where(eq(payments.id, order.id));
      return ipnAnswers.confirmed;
    }
    const now = clock.now();
    const [seq] = await queryRows<{ n: string }>(tx, sql`SELECT lpad(nextval('payment_receipt_seq')::text, 7, '0') AS n`);
    const receiptNo = `BL${gatewayTime(now).slice(0, 4)}-${seq!.n}`;
    await tx.update(payments).set({ status: "paid", gatewayTxnNo: n.vnp_TransactionNo, receiptNo, paidAt: now }).where(eq(payments.id, order.id));
    await tx.insert(dossierEvents).values({
      dossierId: order.dossierId,
      kind: "paid",
      actorKind: "system",
      actorId: "payment-gateway",
      data: { amountVnd: order.amountVnd, receiptNo, orderRef: order.orderRef },
    });
    return ipnAnswers.confirmed;
  });
}

export type ReturnOutcome =
  | { state: "invalid" }
  | { state: "paid" | "waiting" | "cancelled" | "failed"; dossierCode: string; payment: Payment };

/**
 * Where the gateway sends the citizen back. Its signed word is only shown, never trusted: the order is
 * paid when the notification said so, and "waiting" until it does.
 */
export async function readReturn(db: Db, config: PaymentConfig, citizenId: string, params: Record<string, string> | undefined): Promise<ReturnOutcome> {
  if (!params || !hasValidSignature(params, config.secret)) return { state: "invalid" };
  const ref = z.string().regex(/^[0-9A-F]{18}$/).safeParse(params.vnp_TxnRef);
  if (!ref.success) return { state: "invalid" };
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`SELECT d.code FROM payments p JOIN dossiers d ON d.id = p.dossier_id
        JOIN dossier_parties dp ON dp.dossier_id = d.id AND dp.citizen_id = ${citizenId}
        WHERE p.order_ref = ${ref.data}`,
  );
  const [payment] = row ? await db.select().from(payments).where(eq(payments.orderRef, ref.data)) : [];
  if (!row || !payment) return { state: "invalid" };
  if (payment.status === "paid") return { state: "paid", dossierCode: row.code, payment };
  if (payment.status === "cancelled" || params.vnp_ResponseCode === "24") return { state: "cancelled", dossierCode: row.code, payment };
  if (payment.status === "failed") return { state: "failed", dossierCode: row.code, payment };
  return { state: "waiting", dossierCode: row.code, payment };
}
