import { decode, type JWT } from "next-auth/jwt";

// Auth.js splits a cookie over 4 KB into chunks; ours are far smaller, so a longer one is refused.
const MAX_COOKIE_LENGTH = 4096;
const MAX_ENTRIES = 10_000;
// On globalThis: proxy.ts and the app routes are bundled apart but share one process.
const store = globalThis as unknown as { chuDongSessionTokens?: Map<string, Readonly<JWT>> };
const memo = (store.chuDongSessionTokens ??= new Map());

/**
 * Auth.js's own `decode`, remembered per exact cookie value: the proxy and the page both read the
 * cookie on every request, and it changes at most once a minute. Only tokens that decoded are kept,
 * so junk cookies cannot fill the memo; the callers still judge expiry, idleness and revocation.
 */
export async function readSessionToken(value: string, secret: string, salt: string, now: number): Promise<Readonly<JWT> | null> {
  if (value.length > MAX_COOKIE_LENGTH) return null;
  let token = memo.get(value);
  if (!token) {
    const decoded = await decode({ token: value, secret, salt }).catch(() => null);
    if (!decoded) return null;
    token = Object.freeze(decoded);
    if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
    memo.set(value, token);
  }
  return typeof token.exp === "number" && token.exp < now ? null : token;
}
