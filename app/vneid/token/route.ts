import { getDb } from "@/lib/db/client";
import { BodyTooLarge } from "@/lib/http/body-limit";
import { readUrlEncodedForm } from "@/lib/oidc/form-params";
import { exchangeCode } from "@/lib/oidc/tokens";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const form = await readUrlEncodedForm(request).catch((error: unknown) => {
    if (error instanceof BodyTooLarge) return error;
    throw error;
  });
  if (form instanceof BodyTooLarge) {
    return Response.json(
      { error: "invalid_request", error_description: `The body must be at most ${form.limit / 1024} KB.` },
      { status: 413, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
    );
  }
  if (!form) {
    return Response.json(
      { error: "invalid_request", error_description: "The body must be application/x-www-form-urlencoded." },
      { status: 400, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
    );
  }
  const result = await exchangeCode(await getDb(), { form, authorization: request.headers.get("authorization") });
  return Response.json(result.body, { status: result.status, headers: result.headers });
}
