import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { paymentConfig } from "@/lib/payments/config";
import { applyNotification } from "@/lib/payments/orders";
import { singleValued } from "@/lib/payments/signature";

export const dynamic = "force-dynamic";

/** The gateway's server-to-server payment notification (IPN): the only way an order becomes paid. */
export async function GET(request: Request) {
  const config = paymentConfig();
  if (!config) return new NextResponse(null, { status: 404 });
  const params = singleValued(new URL(request.url).searchParams);
  const answer = await applyNotification(await getDb(), config, params);
  return NextResponse.json(answer, { headers: { "cache-control": "no-store" } });
}
