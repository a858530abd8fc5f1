import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { BodyTooLarge, JSON_BODY_LIMIT, readBodyText } from "@/lib/http/body-limit";
import { citizenActionBody, citizenActionRequest, issuesByField, performCitizenAction } from "@/lib/dossiers/citizen-actions";
import { hasOwnOrigin } from "@/lib/security/csrf";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };


const statusOf = { not_found: 404, not_editable: 409, conflict: 409, invalid: 422, idempotency_mismatch: 422, correction_pending: 409 } as const;

/**
 * Confirm or amend by JSON: the route offline replays go to. Unlike a server action, its address does
 * not change with each build, so a confirmation queued before a deploy still lands after it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!hasOwnOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const citizenId = await currentCitizenId();
  if (!citizenId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  let json: unknown;
  try {
    json = JSON.parse(await readBodyText(request, JSON_BODY_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "too_large", limit: error.limit }, { status: 413, headers: noStore });
  }
  const parsedBody = citizenActionBody.safeParse(json);
  if (!parsedBody.success) return Response.json({ error: "invalid_body", fields: issuesByField(parsedBody.error) }, { status: 400, headers: noStore });
  const { kind, ...rest } = parsedBody.data;
  const req = citizenActionRequest.safeParse({ ...rest, dossierCode: (await params).code });
  if (!req.success) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  const result = await performCitizenAction(await getDb(), citizenId, kind, req.data);
  return Response.json(result, { status: result.ok ? 200 : statusOf[result.error], headers: noStore });
}
