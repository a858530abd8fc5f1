import { getDb } from "@/lib/db/client";
import { jwks } from "@/lib/oidc/keys";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await jwks(await getDb()), {
    headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
