"use client";

import { useRouter } from "next/navigation";
import type { DossierSummaryJson } from "@/lib/api/dossier-json";
import { getJson, MOVING, usePollWhileStreamDown } from "./live-status";
import { useStatusStream } from "./use-status-stream";

/** Keeps the list of dossiers current, as DossierLiveStatus does one dossier (a module apart, so a dossier page does not carry it). */
export function DossierListLive({ versions }: { versions: Record<string, number> }) {
  const router = useRouter();
  const refreshIfNewer = (data: { dossiers: DossierSummaryJson[] }) => {
    if (data.dossiers.some((d) => d.version > (versions[d.code] ?? 0))) router.refresh();
  };
  const streaming = useStatusStream(() => void getJson<{ dossiers: DossierSummaryJson[] }>("/api/v1/dossiers").then(refreshIfNewer, () => undefined));
  usePollWhileStreamDown<{ dossiers: DossierSummaryJson[] }>(
    "/api/v1/dossiers",
    streaming,
    (d) => d.dossiers.map((x) => `${x.code}:${x.version}`).join(","),
    // Before the first answer, the page as rendered: polled only if one of its dossiers moves.
    (d) => (d ? d.dossiers.some((x) => MOVING.has(x.status)) : true),
    refreshIfNewer,
  );
  return null;
}
