"use client";

import { useEffect, useSyncExternalStore } from "react";
import { OfflineQueryProvider } from "./offline-query-provider";
import { queueBridge } from "./queue-bridge";
import { useOfflineQueue } from "./use-offline-queue";

function Reporter({ code }: { code: string }) {
  const queue = useOfflineQueue(code);
  useEffect(() => queueBridge.report(code, queue.state, queue.enqueue));
  return null;
}

/** The persisted queue for every dossier card on the page, loaded on demand (see queue-bridge.ts). */
export default function QueueIsland() {
  const codes = useSyncExternalStore(queueBridge.subscribe, queueBridge.codes, queueBridge.codes);
  return (
    <OfflineQueryProvider>
      {codes.map((code) => (
        <Reporter key={code} code={code} />
      ))}
    </OfflineQueryProvider>
  );
}
