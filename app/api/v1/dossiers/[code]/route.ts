import { dossierCodeSchema } from "@/lib/dossiers/code";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { eventsOf, findDossierFor } from "@/lib/db/dossier-queries";
import { dossierStatusJson } from "@/lib/api/dossier-json";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const code = dossierCodeSchema;

/** A dossier's status and timeline, for the app to poll and keep offline. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const citizenId = await currentCitizenId();
  if (!citizenId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const parsed = code.safeParse((await params).code);
  const db = await getDb();
  const dossier = parsed.success ? await findDossierFor(db, citizenId, parsed.data) : undefined;
  if (!dossier) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  return Response.json(dossierStatusJson(dossier, await eventsOf(db, dossier.id)), { headers: noStore });
}
