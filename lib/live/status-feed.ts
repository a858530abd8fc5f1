import { z } from "zod";
import type { Database } from "../db/client";
import type { Unlisten } from "../db/listen";
import { log } from "../log";

export const STATUS_CHANNEL = "dossier_status";

/** What the trigger on dossiers sends (drizzle/0008): no personal data, only what the citizen's page shows. */
const statusChange = z.object({ id: z.string().uuid(), code: z.string(), status: z.string(), version: z.number().int() });
export type StatusChange = z.infer<typeof statusChange>;

/** `null`: notifications may have been lost (the LISTEN connection dropped); subscribers should re-read. */
type Subscriber = (change: StatusChange | null) => void;

interface Feed {
  subscribers: Set<Subscriber>;
  unlisten?: Promise<Unlisten>;
}

// One LISTEN per process however many streams are open; on globalThis so every route bundle shares it.
const store = globalThis as unknown as { chuDongStatusFeed?: Feed };
const feed = (store.chuDongStatusFeed ??= { subscribers: new Set() });

function publish(change: StatusChange | null) {
  for (const s of feed.subscribers) {
    try {
      s(change);
    } catch (error) {
      log.error({ err: error }, "status subscriber failed");
    }
  }
}

/** Calls `subscriber` with every committed status change, from whichever instance made it. */
export async function subscribeToStatus(database: Database, subscriber: Subscriber): Promise<() => void> {
  if (!feed.unlisten) {
    feed.unlisten = database.listen(
      STATUS_CHANNEL,
      (payload) => {
        const parsed = statusChange.safeParse(parseJson(payload));
        if (parsed.success) publish(parsed.data);
      },
      () => publish(null),
    );
    feed.unlisten.catch(() => (feed.unlisten = undefined));
  }
  await feed.unlisten;
  feed.subscribers.add(subscriber);
  return () => feed.subscribers.delete(subscriber);
}

/** Open streams in this process (for the bench and logs). */
export function subscriberCount(): number {
  return feed.subscribers.size;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
