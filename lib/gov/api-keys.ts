import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client";
import { agencyApiKeys } from "../db/schema";
import { env } from "../env";
import { hitRateLimit, type RateLimit } from "../security/rate-limit";
import type { DatasetCode } from "./datasets";

/** The agencies that push data to us, and the datasets each may push. */
const agencyDatasets = {
  hospital: ["birth-notices"],
  "social-protection": ["poor-households"],
  health: ["medical-licences"],
  tourism: ["tour-guide-cards"],
  veterinary: ["veterinary-certs"],
  transport: ["transport-badges"],
  // The One-Stop software pushes no dataset: its key only reports status changes back.
  onestop: [],
} as const satisfies Record<string, readonly DatasetCode[]>;

type Agency = keyof typeof agencyDatasets;

const isAgency = (value: string): value is Agency => Object.hasOwn(agencyDatasets, value);

export function mayPush(agency: Agency, dataset: DatasetCode): boolean {
  return (agencyDatasets[agency] as readonly DatasetCode[]).includes(dataset);
}

/** Demo keys of SPEC §5 and one per other agency: public, so honoured only in demo mode. */
export const demoAgencyKeys: Record<Agency, string> = {
  hospital: "demo-hospital-key",
  "social-protection": "demo-social-key",
  health: "demo-health-key",
  tourism: "demo-tourism-key",
  veterinary: "demo-veterinary-key",
  transport: "demo-transport-key",
  onestop: "demo-onestop-key",
};

const demoKeys = new Set(Object.values(demoAgencyKeys));

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new key (256 random bits) for an agency; returned once, only its hash is kept. */
export async function generateAgencyKey(db: Executor, agency: Agency, label: string): Promise<string> {
  const key = `cdk_${randomBytes(32).toString("base64url")}`;
  await db.insert(agencyApiKeys).values({ agency, label, keyHash: hashKey(key) });
  return key;
}

export async function seedDemoAgencyKeys(db: Executor): Promise<void> {
  await db
    .insert(agencyApiKeys)
    .values(
      Object.entries(demoAgencyKeys).map(([agency, key]) => ({ agency, label: `demo: ${key}`, keyHash: hashKey(key) })),
    )
    .onConflictDoNothing({ target: agencyApiKeys.keyHash });
}

/**
 * The agency behind an `Authorization: Bearer <key>` header, if the key is live. Only the key's hash
 * reaches the database, through an indexed equality lookup, so there is no secret-dependent comparison.
 */
export async function authenticateAgency(
  db: Executor,
  authorization: string | null | undefined,
  opts: { demoMode?: boolean } = {},
): Promise<{ agency: Agency } | undefined> {
  const caller = await findAgencyKey(db, authorization, opts);
  return caller && { agency: caller.agency };
}

async function findAgencyKey(
  db: Executor,
  authorization: string | null | undefined,
  opts: { demoMode?: boolean },
): Promise<{ agency: Agency; keyId: number } | undefined> {
  const key = /^Bearer +(\S{8,512})$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!key || (demoKeys.has(key) && !(opts.demoMode ?? env().DEMO_MODE))) return undefined;
  const [row] = await db
    .select({ id: agencyApiKeys.id, agency: agencyApiKeys.agency })
    .from(agencyApiKeys)
    .where(and(eq(agencyApiKeys.keyHash, hashKey(key)), isNull(agencyApiKeys.revokedAt)))
    .limit(1);
  return row && isAgency(row.agency) ? { agency: row.agency, keyId: row.id } : undefined;
}

/** Each key's request budget, shared by every app process (the database counts). */
export const AGENCY_KEY_RATE_LIMIT: RateLimit = { limit: 600, windowSeconds: 60 };

type AgencyAdmission =
  | { ok: true; agency: Agency }
  | { ok: false; status: 401 }
  | { ok: false; status: 429; retryAfterSeconds: number; limit: number };

/** Authentication plus the per-key rate limit: what a gov route asks before anything else. */
export async function admitAgency(
  db: Executor,
  authorization: string | null | undefined,
  opts: { demoMode?: boolean; rateLimit?: RateLimit; now?: Date } = {},
): Promise<AgencyAdmission> {
  const caller = await findAgencyKey(db, authorization, opts);
  if (!caller) return { ok: false, status: 401 };
  const rule = opts.rateLimit ?? AGENCY_KEY_RATE_LIMIT;
  const decision = await hitRateLimit(db, `agency-key:${caller.keyId}`, rule, opts.now);
  if (!decision.allowed) return { ok: false, status: 429, retryAfterSeconds: decision.retryAfterSeconds, limit: rule.limit };
  return { ok: true, agency: caller.agency };
}
