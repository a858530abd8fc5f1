"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useMutationState } from "@tanstack/react-query";
import { DOSSIER_ACTION, DossierActionRefused, SignInNeeded, type DossierActionAnswer, type DossierActionVariables } from "./dossier-action";

/**
 * sending: first attempt under way · queued: "Đang chờ gửi" (offline, failed or slow, retried with backoff) ·
 * sign-in: kept, waiting for the citizen to sign in again · sent / refused: the server's definite answer.
 */
export type QueueState = "idle" | "sending" | "queued" | "sign-in" | "sent" | "refused";

type Seen = { status: string; isPaused: boolean; failureCount: number; failureReason: unknown; error: unknown; kind?: string };

function stateOf(m: Seen | undefined): QueueState {
  if (!m || m.status === "idle") return "idle";
  if (m.status === "success") return "sent";
  if (m.status === "error") return "refused";
  if (m.failureReason instanceof SignInNeeded) return "sign-in";
  return m.isPaused || m.failureCount > 0 ? "queued" : "sending";
}

/** Sends a dossier's confirm/amend through the persisted queue and reports what became of it, across reloads. */
export function useOfflineQueue(code: string, onSent?: (kind: "confirm" | "amend") => void) {
  const router = useRouter();
  const mutationKey = [...DOSSIER_ACTION, code];
  const { mutate } = useMutation<unknown, Error, DossierActionVariables>({ mutationKey, scope: { id: `dossier-${code}` } });
  const states = useMutationState({
    filters: { mutationKey },
    select: (m): Seen => ({
      status: m.state.status,
      isPaused: m.state.isPaused,
      failureCount: m.state.failureCount,
      failureReason: m.state.failureReason,
      error: m.state.error,
      kind: (m.state.variables as DossierActionVariables | undefined)?.kind,
    }),
  });
  const last = states.at(-1);
  const state = stateOf(last);
  const refusal: Extract<DossierActionAnswer, { ok: false }> | undefined =
    state === "refused" ? (last?.error instanceof DossierActionRefused ? last.error.answer : { ok: false, error: "generic" }) : undefined;

  const handled = useRef<unknown>(undefined);
  useEffect(() => {
    // A refusal is not followed by a refresh: the page would drop the form, and the conflict with it.
    if (state !== "sent" || handled.current === last) return;
    handled.current = last;
    onSent?.(last?.kind === "amend" ? "amend" : "confirm");
    if (last?.kind === "amend") router.refresh();
    else router.replace(`/dossiers/${encodeURIComponent(code)}?submitted=1`);
  }, [state, last, router, code, onSent]);

  return { state, kind: last?.kind === "amend" ? ("amend" as const) : ("confirm" as const), refusal, enqueue: (variables: Omit<DossierActionVariables, "code">) => mutate({ ...variables, code }) };
}
