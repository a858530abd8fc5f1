import { z } from "zod";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { mobilePhoneSchema } from "@/lib/sms/phone";
import { messagesForPhone } from "@/lib/sms/outbox-queries";
import { deliverToSimulator } from "@/lib/sms/simulator-dispatch";

export const dynamic = "force-dynamic";

const querySchema = z.object({ phone: mobilePhoneSchema });

/** The simulated phone's inbox as JSON (demo mode only), for tests and scripts. */
export async function GET(request: Request) {
  if (!env().DEMO_MODE) return Response.json({ error: "not_found" }, { status: 404 });
  const parsed = querySchema.safeParse({ phone: new URL(request.url).searchParams.get("phone") ?? undefined });
  if (!parsed.success) {
    return Response.json(
      { error: "invalid_phone", message: parsed.error.issues[0]?.message, fieldErrors: z.flattenError(parsed.error).fieldErrors },
      { status: 400 },
    );
  }
  const db = await getDb();
  await deliverToSimulator(db);
  const messages = await messagesForPhone(db, parsed.data.phone);
  return Response.json({
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  });
}
