import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured server logs (JSON lines, pino) that never carry a personal id or a phone number
 * (Law 91/2025 on personal data): known secret fields are removed by key, and every string value and
 * message is scrubbed by pattern, whatever field it sits in.
 */

// A 12-digit personal id (số định danh cá nhân) not inside a longer number.
const PERSONAL_ID = /(?<!\d)\d{12}(?!\d)/g;
// A Vietnamese mobile number: 0 or +84/84 then 9 digits, optionally grouped by spaces, dots or dashes.
const PHONE = /(?<![\d])(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/g;

const REDACTED_KEYS = [
  "password",
  "passcode",
  "personalId",
  "personal_id",
  "phone",
  "authorization",
  "cookie",
  "token",
  "secret",
  "idToken",
  "accessToken",
] as const;

/** 048090000001 → 0480•••••001; 0905000001 → 0905•••001 (the same masks the screens use). */
export function scrubText(text: string): string {
  return text
    .replace(PERSONAL_ID, (id) => `${id.slice(0, 4)}•••••${id.slice(9)}`)
    .replace(PHONE, (phone) => {
      const digits = phone.replace(/\D/g, "");
      return `${digits.slice(0, 4)}•••${digits.slice(-3)}`;
    });
}

const redactedKey = new Set<string>(REDACTED_KEYS.map((k) => k.toLowerCase()));

/** A deep copy with secret fields replaced and every string scrubbed; Errors keep their message and stack. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "number" && Number.isInteger(value)) {
    const text = String(value);
    const scrubbed = scrubText(text);
    return scrubbed === text ? value : scrubbed;
  }
  if (value === null || typeof value !== "object" || depth > 8) return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrubText(value.message), stack: value.stack ? scrubText(value.stack) : undefined };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactedKey.has(k.toLowerCase()) ? "[redacted]" : scrub(v, depth + 1);
  return out;
}

export function createLogger(destination?: DestinationStream, level?: string): Logger {
  return pino(
    {
      level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: { app: "chu-dong" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // Messages and printf-style arguments are scrubbed too, not only the merged object.
          const cleaned = args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as Parameters<typeof method>;
          return method.apply(this, cleaned);
        },
      },
      serializers: { err: (e: unknown) => scrub(e), error: (e: unknown) => scrub(e) },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { chuDongLog?: Logger; chuDongConsolePatched?: boolean };

/** The process-wide logger. */
export const log: Logger = (globalForLog.chuDongLog ??= createLogger());

/**
 * Next and libraries log through console (render errors, Auth.js): scrub those lines too, so no
 * personal id or phone number reaches the server's output by another path.
 */
export function redactConsole(): void {
  if (globalForLog.chuDongConsolePatched) return;
  globalForLog.chuDongConsolePatched = true;
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) =>
      original(...args.map((a) => (typeof a === "string" ? scrubText(a) : a instanceof Error ? scrubError(a) : a && typeof a === "object" ? scrub(a) : a)));
  }
}

function scrubError(error: Error): Error {
  const copy = new Error(scrubText(error.message));
  copy.name = error.name;
  copy.stack = error.stack ? scrubText(error.stack) : undefined;
  return copy;
}
