"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { DossierStatusJson } from "@/lib/api/dossier-json";
import { pollIntervalMs } from "@/lib/offline/backoff";
import { hasUnsentInput } from "./unsent-input";
import { useStatusStream } from "./use-status-stream";

export const MOVING = new Set(["submitted", "received", "processing", "approved"]);

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Reads `url` again while the status stream is down: backing off while nothing changes (20 s → 10 min),
 * not in a hidden tab, and not once nothing moves without the citizen. Back in view or back online, it
 * reads at once. A dossier can wait days for an officer, and a phone on 3G pays for every poll.
 */
export function usePollWhileStreamDown<T>(url: string, streaming: boolean, fingerprint: (data: T) => string, moving: (data: T | undefined) => boolean, onData: (data: T) => void) {
  const latest = useRef({ fingerprint, moving, onData });
  useEffect(() => {
    latest.current = { fingerprint, moving, onData };
  });
  useEffect(() => {
    if (streaming) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = "";
    let unchanged = 0;
    let last: T | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const wait = pollIntervalMs({ moving: latest.current.moving(last), hidden: document.visibilityState === "hidden", unchangedPolls: unchanged });
      if (wait !== false) timer = setTimeout(read, wait);
    };
    const read = () =>
      void getJson<T>(url).then(
        (data) => {
          const now = latest.current.fingerprint(data);
          unchanged = now === seen ? unchanged + 1 : 0;
          seen = now;
          last = data;
          latest.current.onData(data);
          schedule();
        },
        schedule,
      );
    const onShown = () => document.visibilityState === "visible" && read();
    schedule();
    document.addEventListener("visibilitychange", onShown);
    window.addEventListener("online", read);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onShown);
      window.removeEventListener("online", read);
    };
  }, [url, streaming]);
}

/** Keeps a dossier's page current: pushed by the status stream, polled only while the stream is down. */
export function DossierLiveStatus({ code, version, status }: { code: string; version: number; status: string }) {
  const router = useRouter();
  const shown = useRef(version);
  const refreshTo = (next: number) => {
    // Not over unsent input: the citizen's send will meet the newer version and show the conflict instead.
    if (next <= Math.max(version, shown.current) || hasUnsentInput()) return;
    shown.current = next;
    router.refresh();
  };
  const url = `/api/v1/dossiers/${encodeURIComponent(code)}`;
  const streaming = useStatusStream((change) => {
    if (change && change.code !== code) return;
    // A pushed change re-renders at once; a resync (changes may have been missed) reads the status first.
    if (change) refreshTo(change.version);
    else void getJson<DossierStatusJson>(url).then((d) => refreshTo(d.version), () => undefined);
  });
  usePollWhileStreamDown<DossierStatusJson>(url, streaming, (d) => `${d.version}`, (d) => MOVING.has(d?.status ?? status), (d) => refreshTo(d.version));
  return null;
}
