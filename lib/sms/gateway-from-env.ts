import { z } from "zod";
import { env } from "../env";
import type { SmsGateway } from "./gateway";
import { createHttpGateway } from "./http-gateway";
import { createSimulatorGateway } from "./simulator-gateway";

const smsConfigSchema = z.discriminatedUnion("SMS_GATEWAY", [
  z.object({ SMS_GATEWAY: z.literal("simulator") }),
  z.object({
    SMS_GATEWAY: z.literal("http"),
    SMS_HTTP_URL: z.url({ protocol: /^https?$/ }),
    SMS_HTTP_TOKEN: z.string().min(1),
    SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
  }),
]);

type SmsConfig = z.infer<typeof smsConfigSchema>;

/** SMS settings from the environment; the simulator is the default only in demo mode, so production must choose. */
export function parseSmsConfig(source: Record<string, string | undefined>, demoMode: boolean): SmsConfig {
  const chosen = source.SMS_GATEWAY || (demoMode ? "simulator" : undefined);
  const parsed = smsConfigSchema.safeParse({ ...source, SMS_GATEWAY: chosen });
  if (!parsed.success) {
    const help = "SMS_GATEWAY=simulator|http is required outside demo mode; http needs SMS_HTTP_URL and SMS_HTTP_TOKEN";
    throw new Error(`Invalid SMS gateway settings (${help}):\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function gatewayFor(config: SmsConfig): SmsGateway {
  if (config.SMS_GATEWAY === "simulator") return createSimulatorGateway();
  return createHttpGateway({ url: config.SMS_HTTP_URL, token: config.SMS_HTTP_TOKEN, timeoutMs: config.SMS_HTTP_TIMEOUT_MS });
}

let cached: SmsConfig | undefined;

export function smsConfig(): SmsConfig {
  cached ??= parseSmsConfig(process.env, env().DEMO_MODE);
  return cached;
}

/** The gateway this deployment is configured to use. */
export function gatewayFromEnv(): SmsGateway {
  return gatewayFor(smsConfig());
}
