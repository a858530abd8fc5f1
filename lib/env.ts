import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // The owner role that runs migrations (PostgreSQL); DATABASE_URL's role then only reads and appends the audit trail.
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  // Connections per process; scripts/serve.mjs shares a budget out between its workers.
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(16).default("chu-dong-demo-secret-change-me-in-production"),
  VNEID_ISSUER: z.string().url().optional(),
  VNEID_CLIENT_ID: z.string().min(1).default("chu-dong"),
  VNEID_CLIENT_SECRET: z.string().min(8).default("chu-dong-demo-client-secret"),
  ENGINE_TOKEN: z.string().min(16).default("chu-dong-demo-engine-token"),
  // 0 turns the in-app schedule off (e.g. when an external scheduler calls /api/engine/scan).
  ENGINE_SCAN_MINUTES: z.coerce.number().int().min(0).default(15),
  DEMO_MODE: z
    .enum(["true", "false"])
    .default("true")
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
  return e.VNEID_ISSUER ?? `${e.APP_ORIGIN}/vneid`;
}
