import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { z } from "zod";
import type { Db } from "../db/client";
import { citizens } from "../db/schema";
import { vneidIssuer } from "../env";
import { authenticateClient } from "./client-registry";
import { redeemCode } from "./codes";
import { singleValuedParams } from "./form-params";
import { SIGNING_ALG, signingKey } from "./keys";
import * as clock from "../clock";

const TOKEN_TTL_SECONDS = 600;

type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

interface OAuthError {
  error: OAuthErrorCode;
  error_description: string;
}

interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  id_token: string;
}

type TokenResult =
  | { status: 200; body: TokenResponse; headers: Record<string, string> }
  | { status: 400 | 401; body: OAuthError; headers: Record<string, string> };

export interface TokenRequest {
  form: URLSearchParams;
  authorization: string | null;
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

const pkceVerifier = /^[A-Za-z0-9._~-]{43,128}$/;

const tokenRequestSchema = z.object({
  code: z.string({ error: "code is required." }).min(1, "code is required.").max(512, "code is too long."),
  redirect_uri: z.string({ error: "redirect_uri is required." }).min(1, "redirect_uri is required.").max(2048),
  code_verifier: z
    .string({ error: "code_verifier is required (PKCE)." })
    .regex(pkceVerifier, "code_verifier must be 43 to 128 unreserved characters."),
});

/** The userinfo endpoint is the audience of our access tokens. */
export function userinfoAudience(issuer: string = vneidIssuer()): string {
  return `${issuer}/userinfo`;
}

/** The token endpoint (RFC 6749 §4.1.3 with PKCE, OIDC Core §3.1.3). */
export async function exchangeCode(db: Db, request: TokenRequest): Promise<TokenResult> {
  const form = singleValuedParams(request.form);
  if (!form) return fail(400, "invalid_request", "A parameter was given more than once.");
  if (!form.grant_type) return fail(400, "invalid_request", "grant_type is required.");
  if (form.grant_type !== "authorization_code") return fail(400, "unsupported_grant_type", "Only authorization_code is supported.");

  const client = authenticateClient({ authorization: request.authorization, clientId: form.client_id, clientSecret: form.client_secret });
  if (!client.ok) {
    const status = client.error === "invalid_client" ? 401 : 400;
    return fail(status, client.error, client.description, client.usedBasic ? { "WWW-Authenticate": 'Basic realm="vneid"' } : {});
  }

  const parsed = tokenRequestSchema.safeParse(form);
  if (!parsed.success) return fail(400, "invalid_request", parsed.error.issues[0]?.message ?? "Invalid token request.");
  const { code, redirect_uri, code_verifier } = parsed.data;

  // Redeeming first burns the code even when a later check fails, so a stolen code is good for one try only.
  const grant = await redeemCode(db, code);
  if (!grant) return fail(400, "invalid_grant", "The code is invalid, expired or already used.");
  if (grant.clientId !== client.clientId) return fail(400, "invalid_grant", "The code was issued to another client.");
  if (grant.redirectUri !== redirect_uri) return fail(400, "invalid_grant", "redirect_uri does not match the authorization request.");
  if (!pkceMatches(code_verifier, grant.codeChallenge)) return fail(400, "invalid_grant", "code_verifier does not match the code_challenge.");

  const [citizen] = await db.select({ fullName: citizens.fullName }).from(citizens).where(eq(citizens.id, grant.subject));
  if (!citizen) return fail(400, "invalid_grant", "The signed-in person no longer exists.");

  const issuer = vneidIssuer();
  const key = await signingKey(db);
  const now = Math.floor(clock.now().getTime() / 1000);
  const accessToken = await new SignJWT({ client_id: client.clientId, scope: "openid profile phone" })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "at+jwt" })
    .setIssuer(issuer)
    .setSubject(grant.subject)
    .setAudience(userinfoAudience(issuer))
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
  const idToken = await new SignJWT({
    nonce: grant.nonce,
    auth_time: Math.floor(grant.authTime.getTime() / 1000),
    name: citizen.fullName,
    at_hash: leftHalfHash(accessToken),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setSubject(grant.subject)
    .setAudience(client.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .sign(key.privateKey);

  return {
    status: 200,
    body: { access_token: accessToken, token_type: "Bearer", expires_in: TOKEN_TTL_SECONDS, id_token: idToken },
    headers: NO_STORE,
  };
}

function fail(status: 400 | 401, error: OAuthErrorCode, description: string, headers: Record<string, string> = {}): TokenResult {
  return { status, body: { error, error_description: description }, headers: { ...NO_STORE, ...headers } };
}

function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash("sha256").update(verifier, "ascii").digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

// OIDC Core §3.1.3.6: at_hash is the left half of the SHA-256 of the access token, base64url.
function leftHalfHash(token: string): string {
  const digest = createHash("sha256").update(token, "ascii").digest();
  return digest.subarray(0, digest.length / 2).toString("base64url");
}
