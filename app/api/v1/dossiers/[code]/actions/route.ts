import { z } from "zod";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { citizenActionRequest, performCitizenAction } from "@/lib/dossiers/citizen-actions";
import { hasOwnOrigin } from "@/lib/security/csrf";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

const body = z.object({
  kind: z.enum(["confirm", "amend"]),
  version: z.number().int().positive(),
  idempotencyKey: z.string().uuid(),
  input: z.record(z.string(), z.string().max(2000)),
  consent: z.boolean().optional(),
  note: z.string().max(1000).optional(),
});

const statusOf = { not_found: 404, not_editable: 409, conflict: 409, invalid: 422, idempotency_mismatch: 422 } as const;

/**
 * Confirm or amend by JSON: the route offline replays go to. Unlike a server action, its address does
 * not change with each build, so a confirmation queued before a deploy still lands after it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!hasOwnOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const citizenId = await currentCitizenId();
  if (!citizenId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const json = await request.json().catch(() => undefined);
  const parsedBody = body.safeParse(json);
  if (!parsedBody.success) return Response.json({ error: "invalid_body" }, { status: 400, headers: noStore });
  const { kind, ...rest } = parsedBody.data;
  const req = citizenActionRequest.safeParse({ ...rest, dossierCode: (await params).code });
  if (!req.success) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  const result = await performCitizenAction(await getDb(), citizenId, kind, req.data);
  return Response.json(result, { status: result.ok ? 200 : statusOf[result.error], headers: noStore });
}
