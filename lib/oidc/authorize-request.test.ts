import { describe, expect, it } from "vitest";
import { authorizeParams, validateAuthorizeRequest } from "./authorize-request";
import { registeredClient } from "./client-registry";

const client = registeredClient();
const valid = {
  response_type: "code",
  client_id: client.clientId,
  redirect_uri: client.redirectUri,
  scope: "openid profile",
  state: "state-123",
  nonce: "nonce-456",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
};

describe("authorize request", () => {
  it("accepts a complete request and carries only its own parameters", () => {
    const result = validateAuthorizeRequest({ ...valid, error: "invalid_credentials", login_hint: "048090000001" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(authorizeParams(result.request))).toEqual(valid);
  });

  it.each([
    ["unknown client", { client_id: "someone-else" }, "invalid_client"],
    ["missing client", { client_id: undefined }, "invalid_client"],
    ["unregistered redirect_uri", { redirect_uri: "https://evil.example/cb" }, "invalid_redirect_uri"],
    ["redirect_uri with extra path", { redirect_uri: `${client.redirectUri}/x` }, "invalid_redirect_uri"],
    ["implicit flow", { response_type: "token" }, "unsupported_response_type"],
    ["fragment response mode", { response_mode: "fragment" }, "unsupported_response_mode"],
    ["no openid scope", { scope: "profile" }, "invalid_scope"],
    ["missing state", { state: undefined }, "missing_state"],
    ["empty state", { state: "" }, "missing_state"],
    ["missing nonce", { nonce: undefined }, "missing_nonce"],
    ["short code_challenge", { code_challenge: "abc" }, "invalid_code_challenge"],
    ["missing code_challenge", { code_challenge: undefined }, "invalid_code_challenge"],
    ["plain method", { code_challenge_method: "plain" }, "unsupported_code_challenge_method"],
    ["no method (means plain)", { code_challenge_method: undefined }, "unsupported_code_challenge_method"],
    ["repeated parameter", { state: ["a", "b"] }, "missing_state"],
  ])("refuses %s", (_, change, problem) => {
    expect(validateAuthorizeRequest({ ...valid, ...change })).toEqual({ ok: false, problem });
  });

  it("judges the client before anything else", () => {
    expect(validateAuthorizeRequest({ ...valid, client_id: "x", redirect_uri: "https://evil.example", state: undefined })).toEqual({
      ok: false,
      problem: "invalid_client",
    });
  });
});
