import { dossierCodeSchema } from "@/lib/dossiers/code";
import { citizenBeforeRevocationCheck } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossierStatusFor } from "@/lib/db/dossier-queries";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const code = dossierCodeSchema;

/** A dossier's status and timeline, for the app to poll and keep offline. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const who = await citizenBeforeRevocationCheck();
  if (!who) return unauthenticated();
  const parsed = code.safeParse((await params).code);
  // A malformed code finds nothing, but a signed-out session still hears 401 first.
  const { revoked, statusJson } = await dossierStatusFor(await getDb(), who, parsed.success ? parsed.data : null);
  if (revoked) return unauthenticated();
  if (!statusJson) return notFound();
  return new Response(statusJson, { headers: { ...noStore, "Content-Type": "application/json" } });
}

function unauthenticated() {
  return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
}

function notFound() {
  return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
}
