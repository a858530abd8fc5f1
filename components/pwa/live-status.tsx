"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import type { DossierStatusJson, DossierSummaryJson } from "@/lib/api/dossier-json";
import { pollIntervalMs } from "@/lib/offline/backoff";
import { hasUnsentInput } from "./unsent-input";
import { useStatusStream } from "./use-status-stream";

const MOVING = new Set(["submitted", "received", "processing", "approved"]);

/**
 * A refetchInterval that backs off while nothing changes (20 s → 10 min) and stops in a hidden tab:
 * a dossier can wait days for an officer, and a phone on 3G pays for every poll.
 */
function useBackoffPoll<T>(fingerprint: (data: T | undefined) => string, moving: (data: T | undefined) => boolean) {
  const seen = useRef({ fingerprint: "", since: 0 });
  return (query: Pick<Query<T>, "state">) => {
    const { data, dataUpdateCount } = query.state;
    const now = fingerprint(data);
    if (now !== seen.current.fingerprint) seen.current = { fingerprint: now, since: dataUpdateCount };
    return pollIntervalMs({
      moving: moving(data),
      hidden: typeof document !== "undefined" && document.visibilityState === "hidden",
      unchangedPolls: dataUpdateCount - seen.current.since,
    });
  };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Keeps a dossier's status fresh and in IndexedDB: pushed by the status stream, polled only while the
 * stream is down and the dossier moves; a newer version re-renders the page.
 */
export function DossierLiveStatus({ code, version, status }: { code: string; version: number; status: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // A pushed change re-renders at once, without waiting for the status JSON (fetched too, for the offline copy).
  const shown = useRef(version);
  const refreshTo = (next: number) => {
    // Not over unsent input: the citizen's send will meet the newer version and show the conflict instead.
    if (next <= Math.max(version, shown.current) || hasUnsentInput()) return;
    shown.current = next;
    router.refresh();
  };
  const streaming = useStatusStream((change) => {
    if (change && change.code !== code) return;
    if (change) refreshTo(change.version);
    void queryClient.invalidateQueries({ queryKey: ["dossier", code] });
  });
  const backoff = useBackoffPoll<DossierStatusJson>(
    (d) => `${d?.version ?? version}`,
    (d) => MOVING.has(d?.status ?? status),
  );
  const { data } = useQuery({
    queryKey: ["dossier", code],
    queryFn: () => getJson<DossierStatusJson>(`/api/v1/dossiers/${encodeURIComponent(code)}`),
    // Polled only while the stream is down.
    refetchInterval: (query) => (streaming ? false : backoff(query)),
  });
  useEffect(() => {
    if (data) refreshTo(data.version);
  });
  return null;
}

/** The same for the list of dossiers. */
export function DossierListLive({ versions }: { versions: Record<string, number> }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const streaming = useStatusStream(() => void queryClient.invalidateQueries({ queryKey: ["dossiers"] }));
  const backoff = useBackoffPoll<{ dossiers: DossierSummaryJson[] }>(
    (d) => (d?.dossiers ?? []).map((x) => `${x.code}:${x.version}`).join(","),
    (d) => Boolean(d?.dossiers.some((x) => MOVING.has(x.status))),
  );
  const { data } = useQuery({
    queryKey: ["dossiers"],
    queryFn: () => getJson<{ dossiers: DossierSummaryJson[] }>("/api/v1/dossiers"),
    refetchInterval: (query) => (streaming ? false : backoff(query)),
  });
  useEffect(() => {
    if (data?.dossiers.some((d) => d.version > (versions[d.code] ?? 0))) router.refresh();
  }, [data, versions, router]);
  return null;
}
