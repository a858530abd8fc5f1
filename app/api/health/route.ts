import { ping } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await ping();
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
