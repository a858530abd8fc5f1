import { getDb } from "@/lib/db/client";
import { readUrlEncodedForm } from "@/lib/oidc/form-params";
import { exchangeCode } from "@/lib/oidc/tokens";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const form = await readUrlEncodedForm(request);
  if (!form) {
    return Response.json(
      { error: "invalid_request", error_description: "The body must be application/x-www-form-urlencoded and at most 16 KB." },
      { status: 400, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
    );
  }
  const result = await exchangeCode(await getDb(), { form, authorization: request.headers.get("authorization") });
  return Response.json(result.body, { status: result.status, headers: result.headers });
}
