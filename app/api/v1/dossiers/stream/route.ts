import { citizenStreamSession } from "@/lib/auth/session";
import { database } from "@/lib/db/client";
import { delegatedStreamScope, delegationsStillHold, dossierIdsFor } from "@/lib/db/dossier-queries";
import { isSessionRevoked } from "@/lib/security/session-revocation";
import { subscribeToStatus } from "@/lib/live/status-feed";
import { statusEventStream } from "@/lib/live/status-stream";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * The citizen's dossier statuses pushed as server-sent events (also those of the dossiers a relative
 * granted them, while the grant holds), fed by PostgreSQL LISTEN/NOTIFY so a
 * change made on any instance reaches a stream held by any other. Like the status JSON it skips the
 * proxy: an open stream is not activity, and it closes when the session would expire.
 */
export async function GET(request: Request) {
  const who = await citizenStreamSession();
  const store = await database();
  if (!who || (await isSessionRevoked(store.db, who.sid))) {
    return Response.json({ error: "unauthenticated" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const [dossierIds, delegated] = await Promise.all([
    dossierIdsFor(store.db, who.citizenId),
    delegatedStreamScope(store.db, who.citizenId, clock.now()),
  ]);
  const body = statusEventStream({
    dossierIds,
    // A grant that ends before the session closes the stream then; the reconnect no longer includes it.
    endsAt: Math.min(who.endsAt, delegated.endsAt ?? Infinity),
    now: clock.now().getTime(),
    subscribe: (subscriber) => subscribeToStatus(store, subscriber),
    stillSignedIn: async () => !(await isSessionRevoked(store.db, who.sid)),
    delegated: { ids: delegated.ids, stillHeld: () => delegationsStillHold(store.db, who.citizenId, delegated.ids, clock.now()) },
    signal: request.signal,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      // nginx and other proxies must pass each event on at once.
      "X-Accel-Buffering": "no",
    },
  });
}
