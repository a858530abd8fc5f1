import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The one client the mock VNeID knows: this app's Auth.js, configured from env. */
export function registeredClient(): RegisteredClient {
  const e = env();
  return {
    clientId: e.VNEID_CLIENT_ID,
    clientSecret: e.VNEID_CLIENT_SECRET,
    redirectUri: `${new URL(e.APP_ORIGIN).origin}/api/auth/callback/vneid`,
  };
}

type ClientAuthentication =
  | { ok: true; clientId: string }
  | { ok: false; error: "invalid_client" | "invalid_request"; description: string; usedBasic: boolean };

interface ClientCredentials {
  authorization: string | null;
  clientId?: string;
  clientSecret?: string;
}

/** client_secret_basic or client_secret_post (RFC 6749 §2.3.1), never both. */
export function authenticateClient(credentials: ClientCredentials): ClientAuthentication {
  const { authorization, clientId, clientSecret } = credentials;
  if (authorization) {
    const basic = decodeBasic(authorization);
    if (!basic) return refuse("invalid_client", "The Authorization header is not valid HTTP Basic client authentication.", true);
    if (clientSecret !== undefined) return refuse("invalid_request", "Use only one client authentication method.", true);
    if (clientId !== undefined && clientId !== basic.id) return refuse("invalid_request", "client_id does not match the authenticated client.", true);
    return check(basic.id, basic.secret, true);
  }
  if (clientId !== undefined && clientSecret !== undefined) return check(clientId, clientSecret, false);
  return refuse("invalid_client", "Client authentication is required.", false);
}

function check(id: string, secret: string, usedBasic: boolean): ClientAuthentication {
  const client = registeredClient();
  // Evaluate both comparisons so the response time does not tell which one failed.
  const idMatches = sameSecret(id, client.clientId);
  const secretMatches = sameSecret(secret, client.clientSecret);
  return idMatches && secretMatches ? { ok: true, clientId: client.clientId } : refuse("invalid_client", "Client authentication failed.", usedBasic);
}

function refuse(error: "invalid_client" | "invalid_request", description: string, usedBasic: boolean): ClientAuthentication {
  return { ok: false, error, description, usedBasic };
}

// Comparing fixed-length digests keeps timingSafeEqual constant-time whatever the input lengths.
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function decodeBasic(header: string): { id: string; secret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header.trim());
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}

// RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined and base64-encoded.
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}
