import { signOut } from "@/auth";
import { isSameOrigin, safeLocalPath } from "@/lib/http/same-origin";
import { formOrTooLarge } from "@/lib/http/body-limit";

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response("Forbidden", { status: 403 });
  const form = await formOrTooLarge(request);
  if (form instanceof Response) return form;
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: safeLocalPath(form.get("next"), "/login"), "Clear-Site-Data": '"cache", "storage"' },
  });
}
