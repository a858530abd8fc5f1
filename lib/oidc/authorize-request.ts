import { z } from "zod";
import { registeredClient } from "./client-registry";

const authorizeProblems = [
  "invalid_client",
  "invalid_redirect_uri",
  "unsupported_response_type",
  "unsupported_response_mode",
  "invalid_scope",
  "missing_state",
  "missing_nonce",
  "invalid_code_challenge",
  "unsupported_code_challenge_method",
  "invalid_request",
] as const;

export type AuthorizeProblem = (typeof authorizeProblems)[number];

const text = (problem: AuthorizeProblem, max: number) => z.string({ error: problem }).min(1, problem).max(max, problem);

// Keys are checked in this order, so the client and redirect URI are judged first.
export const authorizeRequestSchema = z.object({
  client_id: text("invalid_client", 256).refine((id) => id === registeredClient().clientId, "invalid_client"),
  redirect_uri: text("invalid_redirect_uri", 2048).refine((uri) => uri === registeredClient().redirectUri, "invalid_redirect_uri"),
  response_type: z.literal("code", { error: "unsupported_response_type" }),
  response_mode: z.literal("query", { error: "unsupported_response_mode" }).optional(),
  scope: text("invalid_scope", 1024).refine((scope) => scope.split(" ").includes("openid"), "invalid_scope"),
  state: text("missing_state", 2048),
  nonce: text("missing_nonce", 1024),
  code_challenge: z.string({ error: "invalid_code_challenge" }).regex(/^[A-Za-z0-9._~-]{43,128}$/, "invalid_code_challenge"),
  // A missing method means "plain" (RFC 7636 §4.3), which this provider refuses.
  code_challenge_method: z.literal("S256", { error: "unsupported_code_challenge_method" }),
});

export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;

type AuthorizeValidation = { ok: true; request: AuthorizeRequest } | { ok: false; problem: AuthorizeProblem };

/** Validates an authorization request; a failure names the first problem found. */
export function validateAuthorizeRequest(input: Record<string, unknown>): AuthorizeValidation {
  const parsed = authorizeRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, request: parsed.data };
  const message = parsed.error.issues[0]?.message;
  const problem = authorizeProblems.find((p) => p === message) ?? "invalid_request";
  return { ok: false, problem };
}

/** The request's parameters, to carry through the sign-in form and back. */
export function authorizeParams(request: AuthorizeRequest): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) if (value !== undefined) params.set(key, value);
  return params;
}
