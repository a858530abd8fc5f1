import { randomInt } from "node:crypto";
import type { Db } from "../db/client";
import { applyNotification, gatewayTime, startPayment, type IpnAnswer } from "./orders";
import { signedQuery, singleValued } from "./signature";
import type { PaymentConfig } from "./config";

/**
 * What the simulated gateway answers for an order it was sent: the signed fields a real gateway puts
 * on both its payment notification (IPN) and the citizen's return URL.
 */
export function settlementQuery(order: Record<string, string>, outcome: "pay" | "cancel", at: Date, secret: string): string {
  const paid = outcome === "pay";
  return signedQuery(
    {
      vnp_TmnCode: order.vnp_TmnCode ?? "",
      vnp_TxnRef: order.vnp_TxnRef ?? "",
      vnp_Amount: order.vnp_Amount ?? "",
      vnp_OrderInfo: order.vnp_OrderInfo ?? "",
      vnp_BankCode: "NCB",
      vnp_PayDate: gatewayTime(at),
      vnp_ResponseCode: paid ? "00" : "24",
      vnp_TransactionStatus: paid ? "00" : "02",
      vnp_TransactionNo: String(randomInt(10_000_000, 99_999_999)),
    },
    secret,
  );
}

/** A citizen pays a dossier's fee end to end through the simulator: order, settlement, notification. */
export async function payThroughSimulator(db: Db, config: PaymentConfig, citizenId: string, dossierCode: string, at: Date): Promise<IpnAnswer> {
  const started = await startPayment(db, config, citizenId, dossierCode, { origin: "http://localhost", locale: "vi", ip: "127.0.0.1" });
  if (!started.ok) throw new Error(`cannot pay ${dossierCode}: ${started.error}`);
  const order = singleValued(new URL(started.url).searchParams)!;
  return applyNotification(db, config, singleValued(new URLSearchParams(settlementQuery(order, "pay", at, config.secret))));
}
