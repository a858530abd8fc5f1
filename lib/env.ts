import { z } from "zod";

/** The values this repository publishes for the demo: fine on a laptop, refused in production (lib/production-settings.ts). */
export const DEMO_SECRETS = {
  AUTH_SECRET: "chu-dong-demo-secret-change-me-in-production",
  VNEID_CLIENT_SECRET: "chu-dong-demo-client-secret",
  ENGINE_TOKEN: "chu-dong-demo-engine-token",
  SMS_INBOUND_SECRET: "chu-dong-demo-sms-inbound-secret",
} as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // The owner role that runs migrations (PostgreSQL); DATABASE_URL's role then only reads and appends the audit trail.
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  // Connections per process; scripts/serve.mjs shares a budget out between its workers.
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(16).default(DEMO_SECRETS.AUTH_SECRET),
  VNEID_ISSUER: z.string().url().optional(),
  VNEID_CLIENT_ID: z.string().min(1).default("chu-dong"),
  VNEID_CLIENT_SECRET: z.string().min(8).default(DEMO_SECRETS.VNEID_CLIENT_SECRET),
  ENGINE_TOKEN: z.string().min(16).default(DEMO_SECRETS.ENGINE_TOKEN),
  // Shared with the SMS gateway: it signs each reply it delivers to POST /api/sms/inbound (HMAC-SHA256).
  SMS_INBOUND_SECRET: z.string().min(16).default(DEMO_SECRETS.SMS_INBOUND_SECRET),
  // 0 turns the in-app schedule off (e.g. when an external scheduler calls /api/engine/scan).
  ENGINE_SCAN_MINUTES: z.coerce.number().int().min(0).default(15),
  // Reverse proxies in front of the app whose X-Forwarded-For entries are believed; 0: the socket's peer.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Demo surfaces exist only when this is exactly "true" (npm run demo, the e2e server).
  DEMO_MODE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

/** The issuer our OIDC client trusts: the real VNeID when configured, our mock otherwise. */
export function vneidIssuer(): string {
  const e = env();
  return e.VNEID_ISSUER ?? mockIssuer(e);
}

function mockIssuer(e: Pick<Env, "APP_ORIGIN">): string {
  return `${e.APP_ORIGIN}/vneid`;
}

/** The mock VNeID under /vneid exists only while it is the issuer we trust. */
export function mockVneidServed(e: Pick<Env, "APP_ORIGIN" | "VNEID_ISSUER"> = env()): boolean {
  return !e.VNEID_ISSUER || e.VNEID_ISSUER.replace(/\/$/, "") === mockIssuer(e);
}
