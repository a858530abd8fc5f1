import { createHmac, timingSafeEqual } from "node:crypto";

/** The field that carries the signature; it and its type are never part of what is signed. */
export const SIGNATURE_FIELD = "vnp_SecureHash";
const UNSIGNED = new Set([SIGNATURE_FIELD, "vnp_SecureHashType"]);

/** The gateways' canonical form: fields sorted by name, values form-encoded (space as +), joined with &. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => !UNSIGNED.has(k) && params[k] !== "")
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k]!).replace(/%20/g, "+")}`)
    .join("&");
}

export function signParams(params: Record<string, string>, secret: string): string {
  return createHmac("sha512", secret).update(canonicalQuery(params), "utf8").digest("hex");
}

/** Params plus their signature, ready for a URL. */
export function signedQuery(params: Record<string, string>, secret: string): string {
  return `${canonicalQuery(params)}&${SIGNATURE_FIELD}=${signParams(params, secret)}`;
}

export function hasValidSignature(params: Record<string, string>, secret: string): boolean {
  const given = params[SIGNATURE_FIELD];
  if (!given || !/^[0-9a-f]{128}$/i.test(given)) return false;
  const expected = Buffer.from(signParams(params, secret), "hex");
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), "hex"));
}

/** A URLSearchParams as a plain record; a repeated field makes the whole message invalid. */
export function singleValued(search: URLSearchParams): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of search) {
    if (k in out) return undefined;
    out[k] = v;
  }
  return out;
}
