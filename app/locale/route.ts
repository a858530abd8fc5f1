import { cookies } from "next/headers";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/locales";
import { hasOwnOrigin } from "@/lib/security/csrf";
import { formOrTooLarge } from "@/lib/http/body-limit";
import { safeReturnPath } from "@/lib/security/safe-return";

export async function POST(request: Request) {
  if (!hasOwnOrigin(request)) return new Response("Forbidden", { status: 403 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  const locale = parseLocale(String(form.get("locale")));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
  const referer = request.headers.get("referer");
  const back = referer && new URL(referer).origin === new URL(request.url).origin ? new URL(referer) : undefined;
  const next = form.get("next") ?? (back && back.pathname + back.search);
  return new Response(null, { status: 303, headers: { Location: safeReturnPath(next) } });
}
