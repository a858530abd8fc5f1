import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { oidcAuthCodes } from "../db/schema";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { DEMO_PASSCODE, demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { vneidIssuer } from "../env";
import { validateAuthorizeRequest, type AuthorizeRequest } from "./authorize-request";
import { registeredClient } from "./client-registry";
import { issueCode } from "./codes";
import { jwks, loadOrCreateSigningKey } from "./keys";
import { authenticateCitizen } from "./sign-in";
import { exchangeCode, type TokenRequest } from "./tokens";
import { userinfo } from "./userinfo";

const client = registeredClient();
const issuer = vneidIssuer();
const noSleep = async () => {};

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

describe.each(await testDatabaseKinds())("VNeID code flow on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, "2026-11-23");
  });
  afterAll(async () => t?.close());

  // First, before anything caches the key: the table starts empty, as on a fresh deployment.
  it("agrees on one signing key when several processes create it at once", async () => {
    const keys = await Promise.all([1, 2, 3].map(() => loadOrCreateSigningKey(t.db)));
    const set = await jwks(t.db);
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: keys[0]!.kid });
    expect(set.keys[0]).not.toHaveProperty("d");
    for (const key of keys) {
      const jwt = await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(key.privateKey);
      await expect(jwtVerify(jwt, createLocalJWKSet(set))).resolves.toBeDefined();
    }
  });

  /** Authorize → sign in → code, as the authorize page and login route do. */
  async function authorize(overrides: Partial<AuthorizeRequest> = {}) {
    const pkce = pkcePair();
    const nonce = randomBytes(16).toString("base64url");
    const validation = validateAuthorizeRequest({
      response_type: "code",
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: "openid profile",
      state: "s-1",
      nonce,
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      ...overrides,
    });
    if (!validation.ok) throw new Error(validation.problem);
    const r = validation.request;
    const signedIn = await authenticateCitizen(t.db, { personalId: demoPersonas.an, passcode: DEMO_PASSCODE, ip: "203.0.113.10" }, { sleep: noSleep });
    if (!signedIn.ok) throw new Error(signedIn.reason);
    const code = await issueCode(t.db, {
      clientId: r.client_id,
      subject: signedIn.subject,
      redirectUri: r.redirect_uri,
      codeChallenge: r.code_challenge,
      nonce: r.nonce,
    });
    return { code, nonce, verifier: pkce.verifier };
  }

  function tokenRequest(fields: Record<string, string>, authorization: string | null = basic(client.clientId, client.clientSecret)): TokenRequest {
    return { form: new URLSearchParams(fields), authorization };
  }

  function redeem(code: string, verifier: string) {
    return { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: verifier };
  }

  it("issues an RS256 id_token that verifies against the JWKS, and userinfo for its access token", async () => {
    const { code, nonce, verifier } = await authorize();
    const result = await exchangeCode(t.db, tokenRequest(redeem(code, verifier)));
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.headers["Cache-Control"]).toBe("no-store");
    expect(result.body).toMatchObject({ token_type: "Bearer", expires_in: 600 });

    const keySet = createLocalJWKSet(await jwks(t.db));
    const { payload, protectedHeader } = await jwtVerify(result.body.id_token, keySet, {
      issuer,
      audience: client.clientId,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({ iss: issuer, sub: demoPersonas.an, aud: client.clientId, nonce, name: "Nguyễn Văn An" });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(Math.abs(Number(payload.auth_time) - Date.now() / 1000)).toBeLessThan(60);

    const info = await userinfo(t.db, `Bearer ${result.body.access_token}`);
    expect(info).toMatchObject({ status: 200, body: { sub: demoPersonas.an, name: "Nguyễn Văn An", phone_number: "+84905000001" } });
  });

  it("accepts client_secret_post as well", async () => {
    const { code, verifier } = await authorize();
    const result = await exchangeCode(
      t.db,
      tokenRequest({ ...redeem(code, verifier), client_id: client.clientId, client_secret: client.clientSecret }, null),
    );
    expect(result.status).toBe(200);
  });

  it.each([
    ["a wrong code_verifier", (f: Record<string, string>) => ({ ...f, code_verifier: pkcePair().verifier }), 400, "invalid_grant"],
    ["a missing code_verifier", (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== "code_verifier")), 400, "invalid_request"],
    ["a wrong redirect_uri", (f: Record<string, string>) => ({ ...f, redirect_uri: "https://evil.example/cb" }), 400, "invalid_grant"],
    ["another grant type", (f: Record<string, string>) => ({ ...f, grant_type: "password" }), 400, "unsupported_grant_type"],
  ])("refuses %s", async (_, change, status, error) => {
    const { code, verifier } = await authorize();
    const result = await exchangeCode(t.db, tokenRequest(change(redeem(code, verifier))));
    expect(result).toMatchObject({ status, body: { error } });
  });

  it.each([
    ["a wrong client secret", basic(client.clientId, "wrong-secret-123"), {}],
    ["an unknown client", basic("someone-else", client.clientSecret), {}],
    ["no client authentication", null, {}],
    ["a wrong client_secret_post", null, { client_id: client.clientId, client_secret: "wrong-secret-123" }],
  ])("refuses %s with 401 invalid_client", async (_, authorization, extra) => {
    const { code, verifier } = await authorize();
    const result = await exchangeCode(t.db, tokenRequest({ ...redeem(code, verifier), ...extra }, authorization));
    expect(result).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("refuses two client authentication methods at once", async () => {
    const { code, verifier } = await authorize();
    const result = await exchangeCode(t.db, tokenRequest({ ...redeem(code, verifier), client_secret: client.clientSecret }));
    expect(result).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("refuses a replayed code", async () => {
    const { code, verifier } = await authorize();
    expect((await exchangeCode(t.db, tokenRequest(redeem(code, verifier)))).status).toBe(200);
    expect(await exchangeCode(t.db, tokenRequest(redeem(code, verifier)))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("refuses a code redeemed twice at the same moment, once", async () => {
    const { code, verifier } = await authorize();
    const results = await Promise.all([1, 2, 3].map(() => exchangeCode(t.db, tokenRequest(redeem(code, verifier)))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it("refuses a code that failed its PKCE check, even with the right verifier afterwards", async () => {
    const { code, verifier } = await authorize();
    await exchangeCode(t.db, tokenRequest({ ...redeem(code, verifier), code_verifier: pkcePair().verifier }));
    expect(await exchangeCode(t.db, tokenRequest(redeem(code, verifier)))).toMatchObject({ body: { error: "invalid_grant" } });
  });

  it("refuses an expired code", async () => {
    const { code, verifier } = await authorize();
    await t.db.execute(sql`update oidc_auth_codes set expires_at = now() - interval '1 second' where used_at is null`);
    expect(await exchangeCode(t.db, tokenRequest(redeem(code, verifier)))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("refuses a repeated parameter", async () => {
    const { code, verifier } = await authorize();
    const form = new URLSearchParams(redeem(code, verifier));
    form.append("code", "other");
    const result = await exchangeCode(t.db, { form, authorization: basic(client.clientId, client.clientSecret) });
    expect(result).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("stores only a hash of the code", async () => {
    const { code } = await authorize();
    expect(await t.db.select().from(oidcAuthCodes).where(eq(oidcAuthCodes.codeHash, code))).toEqual([]);
    expect(await t.db.select().from(oidcAuthCodes).where(eq(oidcAuthCodes.codeHash, createHash("sha256").update(code).digest("base64url")))).toHaveLength(1);
  });

  it("refuses userinfo without a valid access token", async () => {
    expect(await userinfo(t.db, null)).toMatchObject({ status: 401, headers: { "WWW-Authenticate": 'Bearer realm="vneid"' } });
    expect(await userinfo(t.db, "Bearer not.a.token")).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    const { code, verifier } = await authorize();
    const result = await exchangeCode(t.db, tokenRequest(redeem(code, verifier)));
    if (result.status !== 200) throw new Error("token exchange failed");
    // An id_token is not an access token: its audience and type differ.
    expect(await userinfo(t.db, `Bearer ${result.body.id_token}`)).toMatchObject({ status: 401 });
  });

});
