import { signOut } from "@/auth";
import { isSameOrigin } from "@/lib/http/same-origin";

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response("Forbidden", { status: 403 });
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: "/login", "Clear-Site-Data": '"cache", "storage"' },
  });
}
