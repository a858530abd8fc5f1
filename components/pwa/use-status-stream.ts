"use client";

import { useEffect, useRef, useState } from "react";

/** A status change pushed by the server; null when some may have been missed (re-read everything). */
export type PushedStatus = { code: string; status: string; version: number } | null;

/**
 * Subscribes to the server's status stream (server-sent events). Returns whether it is open: while it
 * is, callers need not poll; when it cannot be held, they fall back to polling.
 */
export function useStatusStream(onStatus: (change: PushedStatus) => void): boolean {
  const [open, setOpen] = useState(false);
  const handler = useRef(onStatus);
  useEffect(() => {
    handler.current = onStatus;
  }, [onStatus]);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/dossiers/stream");
    source.onopen = () => setOpen(true);
    // The browser reconnects by itself; a refused reconnect (signed out) leaves it closed.
    source.onerror = () => setOpen(false);
    source.addEventListener("status", (e) => handler.current(JSON.parse((e as MessageEvent<string>).data) as PushedStatus));
    source.addEventListener("resync", () => handler.current(null));
    return () => source.close();
  }, []);
  return open;
}
