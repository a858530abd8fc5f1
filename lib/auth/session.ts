import { redirect } from "next/navigation";
import { claimsBeforeRevocationCheck, currentSession } from "./current-session";
import { sessionEndsAt } from "../security/session-policy";

const PERSONAL_ID = /^\d{12}$/;

/** The signed-in citizen's personal id, or undefined. */
export async function currentCitizenId(): Promise<string | undefined> {
  const session = await currentSession();
  const id = session?.user?.id;
  return session?.user?.role === "citizen" && id && PERSONAL_ID.test(id) ? id : undefined;
}

/** For citizen pages: the citizen's id, or a redirect to the sign-in page. */
export async function requireCitizen(returnTo = "/"): Promise<string> {
  const id = await currentCitizenId();
  if (!id) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return id;
}

/** A citizen's id and session id, for a query that checks the revocation list itself (the status JSON). */
export async function citizenBeforeRevocationCheck(): Promise<{ citizenId: string; sid: string } | undefined> {
  const claims = await claimsBeforeRevocationCheck();
  return claims?.role === "citizen" && PERSONAL_ID.test(claims.sub) ? { citizenId: claims.sub, sid: claims.sid } : undefined;
}

/** The same, with when the session ends if idle (ms): the status stream closes then. */
export async function citizenStreamSession(): Promise<{ citizenId: string; sid: string; endsAt: number } | undefined> {
  const claims = await claimsBeforeRevocationCheck();
  if (claims?.role !== "citizen" || !PERSONAL_ID.test(claims.sub)) return undefined;
  return { citizenId: claims.sub, sid: claims.sid, endsAt: sessionEndsAt(claims) * 1000 };
}
