import { signIn } from "@/auth";
import { hasOwnOrigin } from "@/lib/security/csrf";
import { formOrTooLarge } from "@/lib/http/body-limit";
import { safeReturnPath } from "@/lib/security/safe-return";

// A plain form POST, not a server action: Next's client router would soft-navigate to the
// identity provider and the login would silently fail (STACK-NOTES).
export async function POST(request: Request) {
  if (!hasOwnOrigin(request)) return new Response("Forbidden", { status: 403 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  const redirectTo = safeReturnPath(form.get("callbackUrl"));
  const url = await signIn("vneid", { redirectTo, redirect: false });
  return new Response(null, { status: 303, headers: { Location: url } });
}
