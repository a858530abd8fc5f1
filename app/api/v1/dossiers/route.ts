import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDossiersFor } from "@/lib/db/dossier-queries";
import { dossierSummaryJson } from "@/lib/api/dossier-json";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET() {
  const citizenId = await currentCitizenId();
  if (!citizenId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const dossiers = await listDossiersFor(await getDb(), citizenId);
  return Response.json({ dossiers: dossiers.map(dossierSummaryJson) }, { headers: noStore });
}
