import { decode, type JWT } from "next-auth/jwt";

/**
 * Reads a session cookie with Auth.js's own `decode`, remembering the answer per cookie value: the
 * cookie changes at most once a minute (proxy.ts), yet the proxy and the page both read it on every
 * request, and each decode costs a key derivation, a thumbprint and an AES-HMAC pass. The memo maps
 * an exact ciphertext to its plaintext, so only the cookie's holder can hit it; expiry, idle and
 * revocation are still judged on every request by the callers.
 */
const MAX_ENTRIES = 10_000;
type Memo = Map<string, JWT | null>;
// On globalThis: proxy.ts and the app routes are bundled apart but share one process.
const store = globalThis as unknown as { chuDongSessionTokens?: Memo };
const memo = (store.chuDongSessionTokens ??= new Map());

export async function readSessionToken(value: string, secret: string, salt: string, now: number): Promise<JWT | null> {
  let token = memo.get(value);
  if (token === undefined) {
    token = await decode({ token: value, secret, salt }).catch(() => null);
    remember(value, token);
  }
  if (token && typeof token.exp === "number" && token.exp < now) return null;
  return token;
}

/** A cookie we just minted (proxy.ts's refresh) is known without decoding it. */
export function remember(value: string, token: JWT | null): void {
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(value, token);
}
