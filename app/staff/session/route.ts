import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { hasOwnOrigin } from "@/lib/security/csrf";
import { formOrTooLarge } from "@/lib/http/body-limit";
import { safeReturnPath } from "@/lib/security/safe-return";

/** Staff sign-in through Auth.js's credentials provider, from a plain form POST. */
export async function POST(request: Request) {
  if (!hasOwnOrigin(request)) return new Response("Forbidden", { status: 403 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  const callbackUrl = safeReturnPath(form.get("callbackUrl"), "/staff/home");
  const back = (error: string) =>
    new Response(null, { status: 303, headers: { Location: `/staff/login?${new URLSearchParams({ error, callbackUrl })}` } });
  try {
    const url = await signIn("staff", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: callbackUrl,
      redirect: false,
    });
    const code = new URL(url, request.url).searchParams.get("code");
    if (new URL(url, request.url).searchParams.has("error")) return back(code === "locked" ? "locked" : "invalid");
    return new Response(null, { status: 303, headers: { Location: callbackUrl } });
  } catch (error) {
    if (error instanceof AuthError) return back("invalid");
    throw error;
  }
}
