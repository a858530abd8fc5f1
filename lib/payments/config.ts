import { z } from "zod";
import { env } from "../env";

// Published in this repository, so only ever used with demo mode on.
const DEMO_SECRET = "chu-dong-demo-payment-secret-for-the-mock-gateway-only";

const paymentEnv = z.object({
  PAYMENT_HASH_SECRET: z.string().min(32).optional(),
  PAYMENT_TMN_CODE: z.string().regex(/^[A-Z0-9]{4,16}$/).default("CHUDONG1"),
  PAYMENT_GATEWAY_URL: z.string().url().optional(),
});

export interface PaymentConfig {
  secret: string;
  merchantCode: string;
  /** Where the citizen is sent to pay. */
  gatewayUrl: string;
  /** True when that gateway is our own simulator. */
  simulated: boolean;
}

/** The gateway settings, or undefined when online payment is off (no secret outside demo mode). */
export function paymentConfig(): PaymentConfig | undefined {
  const e = paymentEnv.parse(process.env);
  const { APP_ORIGIN, DEMO_MODE } = env();
  const simulated = !e.PAYMENT_GATEWAY_URL;
  if (simulated && !DEMO_MODE) return undefined;
  const secret = e.PAYMENT_HASH_SECRET ?? (DEMO_MODE ? DEMO_SECRET : undefined);
  if (!secret) return undefined;
  return { secret, merchantCode: e.PAYMENT_TMN_CODE, gatewayUrl: e.PAYMENT_GATEWAY_URL ?? `${APP_ORIGIN}/paygate/pay`, simulated };
}
