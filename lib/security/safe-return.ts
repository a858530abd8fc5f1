import { env } from "../env";

// Control characters (browsers strip tab and newlines, so "/\t/evil" becomes "//evil") and backslashes
// (browsers read "/\evil" as "//evil") have no place in a return path.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 2048;

function decodedOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The one gate for every return target (callbackUrl, next, Auth.js's redirect): a path on APP_ORIGIN,
 * never an origin. Refuses control characters, backslashes and `//`, also once percent-decoded, and
 * anything that parses to another origin; returns the path, query and fragment, or the fallback.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH || !value.startsWith("/")) return fallback;
  const decoded = decodedOnce(value);
  if (decoded === undefined) return fallback;
  for (const form of [value, decoded]) {
    if (UNSAFE.test(form) || form.includes("//")) return fallback;
  }
  const base = new URL(env().APP_ORIGIN);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Auth.js's redirect callback: an absolute URL on our origin becomes its path first, then the same gate. */
export function safeReturnUrl(url: string, fallback = "/"): string {
  const base = new URL(env().APP_ORIGIN);
  let path = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === base.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : fallback;
    } catch {
      path = fallback;
    }
  }
  return `${base.origin}${safeReturnPath(path, fallback)}`;
}
