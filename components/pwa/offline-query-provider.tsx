"use client";

import { useState } from "react";
import { QueryClient, onlineManager } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { del, get, set } from "idb-keyval";
import { DossierActionRefused, sendDossierAction, DOSSIER_ACTION } from "./dossier-action";

// The persisted shape's version, not the build's: a deploy must never drop a queued confirmation.
const BUSTER = "chu-dong-offline-v1";

const persister = createAsyncStoragePersister({
  storage: { getItem: (k) => get<string>(k).then((v) => v ?? null), setItem: (k, v) => set(k, v), removeItem: (k) => del(k) },
  key: "chu-dong-query-cache",
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
  client.setMutationDefaults(DOSSIER_ACTION, {
    mutationFn: sendDossierAction,
    retry: (failures, error) => !(error instanceof DossierActionRefused) && failures < 3,
  });
  return client;
}

/** TanStack Query kept in IndexedDB: last known statuses for offline reading, and queued confirmations. */
export function OfflineQueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <PersistQueryClientProvider
      client={client}
      persistOptions={{ persister, buster: BUSTER, maxAge: 14 * 24 * 3600 * 1000 }}
      onSuccess={() => client.resumePausedMutations()}
    >
      {children}
    </PersistQueryClientProvider>
  );
}
