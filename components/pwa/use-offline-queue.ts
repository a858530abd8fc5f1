"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useMutationState } from "@tanstack/react-query";
import { DOSSIER_ACTION, DossierActionRefused, type DossierActionVariables } from "./dossier-action";

export type QueueState = "idle" | "pending" | "sent" | "refused" | "failed";

/** Queues a dossier's confirm/amend while offline and reports what became of it, across reloads. */
export function useOfflineQueue(code: string) {
  const router = useRouter();
  const mutationKey = [...DOSSIER_ACTION, code];
  const { mutate } = useMutation<unknown, Error, DossierActionVariables>({ mutationKey });
  const states = useMutationState({ filters: { mutationKey }, select: (m) => ({ status: m.state.status, error: m.state.error }) });
  const last = states.at(-1);
  const state: QueueState = !last
    ? "idle"
    : last.status === "pending"
      ? "pending"
      : last.status === "success"
        ? "sent"
        : last.status === "error"
          ? last.error instanceof DossierActionRefused
            ? "refused"
            : "failed"
          : "idle";

  const refreshed = useRef(false);
  useEffect(() => {
    if ((state === "sent" || state === "refused") && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
  }, [state, router]);

  return { state, enqueue: (variables: Omit<DossierActionVariables, "code">) => mutate({ ...variables, code }) };
}
