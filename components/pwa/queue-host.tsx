"use client";

import { lazy, Suspense, useEffect, useSyncExternalStore } from "react";
import { get } from "idb-keyval";
import { queuedDossierCodes } from "@/lib/offline/queued";
import { QUERY_CACHE_KEY } from "./offline-names";
import { queueBridge } from "./queue-bridge";

const QueueIsland = lazy(() => import("./queue-island"));

/** Where the home's queue island mounts once activated; at once if any action is waiting, so it replays as before. */
export function QueueHost() {
  const active = useSyncExternalStore(queueBridge.subscribe, queueBridge.isActive, () => false);
  useEffect(() => {
    void get<string>(QUERY_CACHE_KEY).then(
      (persisted) => queuedDossierCodes(persisted).length > 0 && queueBridge.activate(),
      () => undefined,
    );
  }, []);
  return active ? (
    <Suspense fallback={null}>
      <QueueIsland />
    </Suspense>
  ) : null;
}
