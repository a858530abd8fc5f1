import { eq } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify } from "jose";
import type { Db } from "../db/client";
import { citizens } from "../db/schema";
import { vneidIssuer } from "../env";
import { SIGNING_ALG, jwks } from "./keys";
import { userinfoAudience } from "./tokens";

interface UserinfoClaims {
  sub: string;
  name: string;
  phone_number?: string;
}

type UserinfoResult =
  | { status: 200; body: UserinfoClaims; headers: Record<string, string> }
  | { status: 401; body: { error: "invalid_token"; error_description: string }; headers: Record<string, string> };

/** The userinfo endpoint (OIDC Core §5.3): a Bearer access token in, the person's claims out. */
export async function userinfo(db: Db, authorization: string | null): Promise<UserinfoResult> {
  const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!token) return refuse("A Bearer access token is required.", false);
  const issuer = vneidIssuer();
  let subject: string | undefined;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await jwks(db)), {
      issuer,
      audience: userinfoAudience(issuer),
      typ: "at+jwt",
      algorithms: [SIGNING_ALG],
    });
    subject = payload.sub;
  } catch {
    return refuse("The access token is invalid or expired.");
  }
  if (!subject) return refuse("The access token names no subject.");
  const [citizen] = await db
    .select({ fullName: citizens.fullName, phone: citizens.phone })
    .from(citizens)
    .where(eq(citizens.id, subject));
  if (!citizen) return refuse("The person no longer exists.");
  const body: UserinfoClaims = { sub: subject, name: citizen.fullName };
  if (citizen.phone) body.phone_number = toE164(citizen.phone);
  return { status: 200, body, headers: { "Cache-Control": "no-store" } };
}

// RFC 6750 §3.1: a request that carried no token gets the challenge without an error code.
function refuse(description: string, tokenGiven = true): UserinfoResult {
  const challenge = tokenGiven ? `Bearer realm="vneid", error="invalid_token"` : `Bearer realm="vneid"`;
  return {
    status: 401,
    body: { error: "invalid_token", error_description: description },
    headers: { "Cache-Control": "no-store", "WWW-Authenticate": challenge },
  };
}

// OIDC recommends E.164; Vietnamese numbers are stored in the national 0xxx form.
function toE164(phone: string): string {
  return phone.startsWith("0") ? `+84${phone.slice(1)}` : phone;
}
