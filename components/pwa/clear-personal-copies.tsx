"use client";

import { useEffect } from "react";
import { del, get, set } from "idb-keyval";
import { keepOnlyQueuedActions } from "@/lib/offline/session-end";
import { PERSONAL_CACHE, QUERY_CACHE_KEY } from "./offline-names";

/**
 * On the sign-in page, whatever brought the citizen there (a timeout too, not only signing out): the
 * saved copies of personal pages and statuses go; unsent drafts and queued actions stay for re-sign-in.
 */
export function ClearPersonalCopies() {
  useEffect(() => {
    void caches?.delete(PERSONAL_CACHE);
    navigator.serviceWorker?.controller?.postMessage({ type: "CLEAR_PERSONAL_DATA" });
    void get<string>(QUERY_CACHE_KEY).then((persisted) => {
      const kept = keepOnlyQueuedActions(persisted);
      return kept ? set(QUERY_CACHE_KEY, kept) : del(QUERY_CACHE_KEY);
    });
  }, []);
  return null;
}
