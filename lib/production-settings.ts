import { DEMO_SECRETS } from "./env";

/** The secrets whose demo values would let anyone forge a session, an OIDC client, a scheduler call or a citizen's SMS reply. */
export const REQUIRED_SECRETS = ["AUTH_SECRET", "VNEID_CLIENT_SECRET", "ENGINE_TOKEN", "SMS_INBOUND_SECRET"] as const;
type SecretName = (typeof REQUIRED_SECRETS)[number];

export interface SettingProblem {
  name: SecretName;
  problem: "unset" | "demo" | "weak";
}

const MIN_BITS = 256;
const MIN_DISTINCT = 10;

/**
 * A generous estimate of a secret's entropy: length × log2 of the character classes it draws on
 * (digits, lower, upper, others). `openssl rand -base64 32` gives ~288 bits, `-hex 32` ~331; a
 * 16-byte key, a word or a repeated character falls short.
 */
export function estimatedBits(secret: string): number {
  const chars = [...secret];
  if (new Set(chars).size < MIN_DISTINCT) return 0;
  const alphabet =
    (/\d/.test(secret) ? 10 : 0) + (/[a-z]/.test(secret) ? 26 : 0) + (/[A-Z]/.test(secret) ? 26 : 0) + (/[^0-9a-zA-Z]/.test(secret) ? 32 : 0);
  return chars.length * Math.log2(Math.max(alphabet, 2));
}

/**
 * What stops this process from serving for real: under NODE_ENV=production and outside demo mode,
 * every secret must be set, not a published demo value, and of at least 32 bytes of entropy.
 */
export function productionProblems(source: Record<string, string | undefined>): SettingProblem[] {
  if (source.NODE_ENV !== "production" || source.DEMO_MODE === "true") return [];
  return REQUIRED_SECRETS.flatMap((name): SettingProblem[] => {
    const value = source[name];
    if (!value) return [{ name, problem: "unset" }];
    if (value === DEMO_SECRETS[name]) return [{ name, problem: "demo" }];
    if (estimatedBits(value) < MIN_BITS) return [{ name, problem: "weak" }];
    return [];
  });
}

const WHY: Record<SettingProblem["problem"], string> = {
  unset: "is not set",
  demo: "is the demo value published in this repository",
  weak: "is too weak (under 32 bytes of entropy)",
};

/** The refusal printed at start-up: each setting, what is wrong with it, and how to make one. */
export function refusalMessage(problems: SettingProblem[]): string {
  return [
    "Chủ Động refuses to start in production with these settings (DEMO_MODE is not \"true\"):",
    ...problems.map((p) => `  - ${p.name} ${WHY[p.problem]}; generate one with: openssl rand -base64 32`),
    "Set them in the environment (see .env.example), or set DEMO_MODE=true to run the demo.",
  ].join("\n");
}
