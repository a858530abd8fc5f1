import { getDb } from "@/lib/db/client";
import { userinfo } from "@/lib/oidc/userinfo";

export const dynamic = "force-dynamic";

async function handle(request: Request) {
  const result = await userinfo(await getDb(), request.headers.get("authorization"));
  return Response.json(result.body, { status: result.status, headers: result.headers });
}

export const GET = handle;
export const POST = handle;
