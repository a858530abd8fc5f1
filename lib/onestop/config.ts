import { z } from "zod";
import { env } from "../env";
import { demoAgencyKeys } from "../gov/api-keys";
import type { OneStopAdapter } from "./adapter";
import { createHttpOneStop } from "./http-adapter";

/** The key the app presents to the demo's mock One-Stop service; public, like the other demo keys. */
export const DEMO_ONESTOP_OUTBOUND_KEY = "demo-onestop-outbound-key";

const configured = z.object({
  ONESTOP_URL: z.url({ protocol: /^https?$/ }),
  ONESTOP_API_KEY: z.string().min(8),
  ONESTOP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
});

export interface OneStopConfig {
  url: string;
  apiKey: string;
  timeoutMs: number;
  /** Demo mode with no ONESTOP_URL: the app starts the mock itself on this port. */
  mock?: { port: number; callbackUrl: string; callbackKey: string };
}

/**
 * ONESTOP_URL and ONESTOP_API_KEY, or in demo mode without them the mock One-Stop service on the app's
 * port + 1000 (so several demo servers on one machine keep their own). Undefined: sync is off and
 * submissions wait in the outbox.
 */
export function parseOneStopConfig(source: Record<string, string | undefined>, e: { DEMO_MODE: boolean; APP_ORIGIN: string }): OneStopConfig | undefined {
  if (source.ONESTOP_URL) {
    const parsed = configured.safeParse(source);
    if (!parsed.success) throw new Error(`Invalid One-Stop settings (ONESTOP_URL needs ONESTOP_API_KEY):\n${z.prettifyError(parsed.error)}`);
    return { url: parsed.data.ONESTOP_URL, apiKey: parsed.data.ONESTOP_API_KEY, timeoutMs: parsed.data.ONESTOP_TIMEOUT_MS };
  }
  if (!e.DEMO_MODE) return undefined;
  const origin = new URL(e.APP_ORIGIN);
  const port = Number(origin.port || (origin.protocol === "https:" ? 443 : 80)) + 1000;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: DEMO_ONESTOP_OUTBOUND_KEY,
    timeoutMs: 5_000,
    mock: { port, callbackUrl: `${e.APP_ORIGIN}/api/gov/onestop/status`, callbackKey: demoAgencyKeys.onestop },
  };
}

export function oneStopConfig(): OneStopConfig | undefined {
  return parseOneStopConfig(process.env, env());
}

export function adapterFor(config: OneStopConfig): OneStopAdapter {
  return createHttpOneStop(config);
}

/**
 * The start-up warning when One-Stop sync is off (a real deployment without ONESTOP_URL): submissions
 * are kept, not lost, but no one files them until it is set. A warning, not a refusal: citizens may submit.
 */
export function oneStopStartupWarning(config: OneStopConfig | undefined): string | undefined {
  if (config) return undefined;
  return "ONESTOP_URL is not set: submitted dossiers wait in the One-Stop outbox and get no receipt number until it is (set ONESTOP_URL and ONESTOP_API_KEY; the IOC shows how many wait).";
}
