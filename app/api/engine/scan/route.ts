import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { runEngine } from "@/lib/engine/run";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${env().ENGINE_TOKEN}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Lets an external scheduler, or `npm run engine -- scan`, run every rule inside the app's process. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: "unauthorized" }, { status: 401 });
  const report = await runEngine(await getDb(), { origin: env().APP_ORIGIN });
  return Response.json(report);
}
