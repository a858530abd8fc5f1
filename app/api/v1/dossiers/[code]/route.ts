import { dossierCodeSchema } from "@/lib/dossiers/code";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossierStatusFor } from "@/lib/db/dossier-queries";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const code = dossierCodeSchema;

/** A dossier's status and timeline, for the app to poll and keep offline. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const citizenId = await currentCitizenId();
  if (!citizenId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const parsed = code.safeParse((await params).code);
  const status = parsed.success ? await dossierStatusFor(await getDb(), citizenId, parsed.data) : undefined;
  if (!status) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  return Response.json(status, { headers: noStore });
}
