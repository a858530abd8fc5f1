import { signOut } from "@/auth";
import { hasOwnOrigin } from "@/lib/security/csrf";
import { formOrTooLarge } from "@/lib/http/body-limit";
import { safeReturnPath } from "@/lib/security/safe-return";

export async function POST(request: Request) {
  if (!hasOwnOrigin(request)) return new Response("Forbidden", { status: 403 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: safeReturnPath(form.get("next"), "/login"), "Clear-Site-Data": '"cache", "storage"' },
  });
}
