import { beforeAll, describe, expect, it } from "vitest";
import * as o from "oauth4webapi";
import { SignJWT } from "jose";

// The mock VNeID's route handlers on a fresh in-memory database; the client is oauth4webapi, called
// the way Auth.js's OIDC callback calls it (lib/actions/callback/oauth/callback.js in @auth/core).
process.env.PGLITE_DIR = "memory://";
process.env.APP_ORIGIN = "http://localhost:3000";
delete process.env.DATABASE_URL;
delete process.env.VNEID_ISSUER;
const { POST: tokenRoute } = await import("@/app/vneid/token/route");
const { GET: jwksRoute } = await import("@/app/vneid/jwks/route");
const { GET: discoveryRoute } = await import("@/app/vneid/.well-known/openid-configuration/route");
const { getDb } = await import("@/lib/db/client");
const { env, vneidIssuer } = await import("@/lib/env");
const { seedDemoWorld, demoPersonas } = await import("@/lib/gov/demo-world");
const { issueCode } = await import("@/lib/oidc/codes");
const { signingKey, SIGNING_ALG } = await import("@/lib/oidc/keys");
const { registeredClient } = await import("@/lib/oidc/client-registry");

const issuer = new URL(vneidIssuer());
const { clientId, clientSecret, redirectUri } = registeredClient();
const client: o.Client = { client_id: clientId };
const clientAuth = o.ClientSecretPost(clientSecret);

/** Routes the client's HTTP calls to the mock's handlers; `forge` may answer the token call instead. */
function fetcher(forge?: () => Promise<Response>) {
  return async (url: string, init: RequestInit = {}) => {
    const path = new URL(url).pathname;
    if (path.endsWith("/.well-known/openid-configuration")) return discoveryRoute();
    if (path.endsWith("/jwks")) return jwksRoute();
    if (path.endsWith("/token")) return forge ? forge() : tokenRoute(new Request(url, init));
    return new Response("not found", { status: 404 });
  };
}

let as: o.AuthorizationServer;

async function authorize(subject: string = demoPersonas.an) {
  const verifier = o.generateRandomCodeVerifier();
  const state = o.generateRandomState();
  const nonce = o.generateRandomNonce();
  const code = await issueCode(await getDb(), {
    clientId,
    subject,
    redirectUri,
    codeChallenge: await o.calculatePKCECodeChallenge(verifier),
    nonce,
  });
  const callback = new URLSearchParams({ code, state, iss: issuer.href.replace(/\/$/, "") });
  return { verifier, state, nonce, code, callback };
}

async function redeem(params: URLSearchParams, verifier: string, nonce: string, forge?: () => Promise<Response>) {
  const response = await o.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, {
    [o.allowInsecureRequests]: true,
    [o.customFetch]: fetcher(forge),
  });
  return o.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
}

async function forgedIdToken(claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: number; iat?: number } = {}) {
  const key = await signingKey(await getDb());
  const now = Math.floor(Date.now() / 1000);
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(opts.iss ?? issuer.href.replace(/\/$/, ""))
    .setSubject(demoPersonas.an)
    .setAudience(opts.aud ?? clientId)
    .setIssuedAt(opts.iat ?? now)
    .setExpirationTime(opts.exp ?? now + 600)
    .sign(key.privateKey);
  return () => Promise.resolve(Response.json({ access_token: "at-forged", token_type: "Bearer", expires_in: 600, id_token: idToken }));
}

describe("OIDC negative cases: the client refuses what it must", () => {
  beforeAll(async () => {
    await seedDemoWorld(await getDb(), "2026-11-23");
    expect(env().APP_ORIGIN).toBe("http://localhost:3000");
    as = await o.processDiscoveryResponse(
      issuer,
      await o.discoveryRequest(issuer, { [o.allowInsecureRequests]: true, [o.customFetch]: fetcher(), algorithm: "oidc" }),
    );
  });

  it("signs in when everything holds (the control)", async () => {
    const { verifier, state, nonce, callback } = await authorize();
    const params = o.validateAuthResponse(as, client, callback, state);
    const result = await redeem(params, verifier, nonce);
    expect(o.getValidatedIdTokenClaims(result)).toMatchObject({ sub: demoPersonas.an, aud: clientId, nonce });
  });

  it("refuses a callback whose state is not the one it sent, or that names another issuer", async () => {
    const { state, callback } = await authorize();
    expect(() => o.validateAuthResponse(as, client, callback, `${state}x`)).toThrow(/state/i);
    expect(() => o.validateAuthResponse(as, client, callback, o.expectNoState)).toThrow();
    const otherIssuer = new URLSearchParams(callback);
    otherIssuer.set("iss", "https://evil.example/vneid");
    expect(() => o.validateAuthResponse(as, client, otherIssuer, state)).toThrow(/iss/i);
    const noIss = new URLSearchParams(callback);
    noIss.delete("iss");
    expect(() => o.validateAuthResponse(as, client, noIss, state)).toThrow(/iss/i);
  });

  it("cannot redeem a code without the PKCE verifier, with a wrong one, or twice", async () => {
    // Auth.js sends "decoy" when the verifier cookie is missing.
    for (const wrong of ["decoy", o.generateRandomCodeVerifier()]) {
      const { state, nonce, callback } = await authorize();
      const params = o.validateAuthResponse(as, client, callback, state);
      await expect(redeem(params, wrong, nonce)).rejects.toMatchObject({ error: expect.stringMatching(/^invalid_(grant|request)$/) });
    }
    const { verifier, state, nonce, callback } = await authorize();
    const params = o.validateAuthResponse(as, client, callback, state);
    await redeem(params, verifier, nonce);
    await expect(redeem(params, verifier, nonce)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("refuses the id_token whose nonce is not its own", async () => {
    const { verifier, state, callback } = await authorize();
    const params = o.validateAuthResponse(as, client, callback, state);
    await expect(redeem(params, verifier, o.generateRandomNonce())).rejects.toThrow(/nonce/i);
  });

  it("refuses an id_token for another audience, from another issuer, or expired", async () => {
    const { state, nonce, callback } = await authorize();
    const params = o.validateAuthResponse(as, client, callback, state);
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Parameters<typeof forgedIdToken>[1], RegExp][] = [
      ["wrong aud", { aud: "another-client" }, /aud/i],
      ["wrong iss", { iss: "https://evil.example/vneid" }, /iss/i],
      ["expired", { iat: now - 1200, exp: now - 600 }, /exp/i],
    ];
    for (const [name, opts, message] of cases) {
      await expect(redeem(params, "any-verifier-any-verifier-any-verifier-123", nonce, await forgedIdToken({ nonce }, opts)), name).rejects.toThrow(message);
    }
    // The same forgery with correct claims passes: the failures above are the claims, not the harness.
    const good = await redeem(params, "any-verifier-any-verifier-any-verifier-123", nonce, await forgedIdToken({ nonce }));
    expect(o.getValidatedIdTokenClaims(good)?.sub).toBe(demoPersonas.an);
  });
});
