"use client";

import { useEffect } from "react";
import { migrateLegacyQueue } from "./outbox-sender";
import { PERSONAL_CACHE } from "./offline-names";

/**
 * On the sign-in page, whatever brought the citizen there (a timeout too, not only signing out): the
 * saved copies of personal pages go; unsent drafts and the outbox stay, to be sent after signing in.
 */
export function ClearPersonalCopies() {
  useEffect(() => {
    void caches?.delete(PERSONAL_CACHE);
    navigator.serviceWorker?.controller?.postMessage({ type: "CLEAR_PERSONAL_DATA" });
    // An earlier build kept statuses beside its queue: the queue moves to the outbox, the statuses go.
    void migrateLegacyQueue().catch(() => undefined);
  }, []);
  return null;
}
