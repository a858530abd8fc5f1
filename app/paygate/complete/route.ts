import { NextResponse } from "next/server";
import { paymentConfig } from "@/lib/payments/config";
import { settlementQuery } from "@/lib/payments/gateway-simulator";
import { hasValidSignature } from "@/lib/payments/signature";
import { formOrTooLarge } from "@/lib/http/body-limit";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * The simulated gateway settles an order the way the real ones do: a signed notification to the
 * merchant's server first, then the citizen's browser back to the signed return URL.
 */
export async function POST(request: Request) {
  const config = paymentConfig();
  if (!config?.simulated) return new NextResponse(null, { status: 404 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  const order: Record<string, string> = {};
  for (const [k, v] of form) if (k.startsWith("vnp_") && typeof v === "string") order[k] = v;
  if (!hasValidSignature(order, config.secret) || !order.vnp_ReturnUrl) return new NextResponse("Invalid order", { status: 400 });

  const query = settlementQuery(order, form.get("choice") === "pay" ? "pay" : "cancel", clock.now(), config.secret);
  const merchant = new URL(order.vnp_ReturnUrl).origin;
  // A lost notification is the gateway's to retry; the citizen still returns and sees "waiting".
  await fetch(`${merchant}/api/payments/ipn?${query}`, { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
  return NextResponse.redirect(`${order.vnp_ReturnUrl}?${query}`, 303);
}
