"use client";

import { useState } from "react";
import { QueryClient, onlineManager } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { del, get, set } from "idb-keyval";
import { retryDelayMs } from "@/lib/offline/backoff";
import { QUERY_CACHE_KEY } from "./offline-names";
import { DossierActionRefused, sendDossierAction, DOSSIER_ACTION } from "./dossier-action";

// The persisted shape's version, not the build's: a deploy must never drop a queued confirmation.
const BUSTER = "chu-dong-offline-v1";

const persister = createAsyncStoragePersister({
  storage: { getItem: (k) => get<string>(k).then((v) => v ?? null), setItem: (k, v) => set(k, v), removeItem: (k) => del(k) },
  key: QUERY_CACHE_KEY,
  throttleTime: 100,
});

function makeClient() {
  // TanStack assumes "online" until an event says otherwise; a page opened offline must start paused.
  if (typeof navigator !== "undefined") onlineManager.setOnline(navigator.onLine);
  const client = new QueryClient({
    defaultOptions: {
      queries: { gcTime: 14 * 24 * 3600 * 1000, staleTime: 15_000, refetchOnReconnect: true, refetchOnWindowFocus: true, retry: 1 },
    },
  });
  // Restored mutations carry no function; the defaults give them one that calls the versioned JSON route.
  // Anything but a refusal is retried with backoff for as long as it takes: the idempotency key makes it safe.
  client.setMutationDefaults(DOSSIER_ACTION, {
    mutationFn: sendDossierAction,
    retry: (_failures, error) => !(error instanceof DossierActionRefused),
    retryDelay: (failures) => retryDelayMs(failures),
    gcTime: Infinity,
  });
  return client;
}

/** Queued actions, whether paused offline or between retries, are what must survive a reload or a sign-in. */
const dehydrateOptions = { shouldDehydrateMutation: (m: { state: { status: string } }) => m.state.status === "pending" };

/** TanStack Query kept in IndexedDB: last known statuses for offline reading, and queued confirmations. */
export function OfflineQueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <PersistQueryClientProvider
      client={client}
      persistOptions={{ persister, buster: BUSTER, maxAge: 14 * 24 * 3600 * 1000, dehydrateOptions }}
      onSuccess={() => {
        // A mutation saved between retries was not paused, so resumePausedMutations alone would leave it.
        for (const m of client.getMutationCache().getAll()) {
          if (m.state.status === "pending" && !m.state.isPaused) void m.continue().catch(() => undefined);
        }
        return client.resumePausedMutations();
      }}
    >
      {children}
    </PersistQueryClientProvider>
  );
}
