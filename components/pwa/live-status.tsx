"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { DossierStatusJson, DossierSummaryJson } from "@/lib/api/dossier-json";
import { useStatusStream } from "./use-status-stream";

const MOVING = new Set(["submitted", "received", "processing", "approved"]);
const POLL_MS = 20_000;

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
    if (next <= Math.max(version, shown.current)) return;
    shown.current = next;
    router.refresh();
  };
  const streaming = useStatusStream((change) => {
    if (change && change.code !== code) return;
    if (change) refreshTo(change.version);
    void queryClient.invalidateQueries({ queryKey: ["dossier", code] });
  });
  const { data } = useQuery({
    queryKey: ["dossier", code],
    queryFn: () => getJson<DossierStatusJson>(`/api/v1/dossiers/${encodeURIComponent(code)}`),
    refetchInterval: (query) => (!streaming && MOVING.has(query.state.data?.status ?? status) ? POLL_MS : false),
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
  const { data } = useQuery({
    queryKey: ["dossiers"],
    queryFn: () => getJson<{ dossiers: DossierSummaryJson[] }>("/api/v1/dossiers"),
    refetchInterval: (query) => (!streaming && query.state.data?.dossiers.some((d) => MOVING.has(d.status)) ? POLL_MS : false),
  });
  useEffect(() => {
    if (data?.dossiers.some((d) => d.version > (versions[d.code] ?? 0))) router.refresh();
  }, [data, versions, router]);
  return null;
}
