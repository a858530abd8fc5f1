"use client";

import { useSyncExternalStore } from "react";
import type { DossierActionVariables } from "./dossier-action";
import type { QueueState } from "./use-offline-queue";

/**
 * The home's one-tap confirms without TanStack on first load: each card's button talks to this small
 * store, and the queue itself (TanStack persisted to IndexedDB, about 10 KB) is loaded only when a card
 * is opened or an action is already waiting. Loaded, the queue island reports each dossier's state here.
 */
type Send = (variables: Omit<DossierActionVariables, "code">) => void;

const listeners = new Set<() => void>();
const states = new Map<string, QueueState>();
const senders = new Map<string, Send>();
const waiting = new Map<string, Omit<DossierActionVariables, "code">>();
let codes: string[] = [];
let active = false;

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const queueBridge = {
  subscribe,
  isActive: () => active,
  codes: () => codes,
  /** Loads the queue island: the card was opened, or something is already queued. */
  activate() {
    if (active) return;
    active = true;
    notify();
  },
  register(code: string) {
    if (codes.includes(code)) return;
    codes = [...codes, code];
    notify();
  },
  /** A tap before the island has loaded is kept (one per dossier) and handed over when it reports in. */
  send(code: string, variables: Omit<DossierActionVariables, "code">) {
    const send = senders.get(code);
    if (send) return send(variables);
    waiting.set(code, variables);
    states.set(code, "sending");
    queueBridge.activate();
    notify();
  },
  report(code: string, state: QueueState, send: Send) {
    senders.set(code, send);
    const held = waiting.get(code);
    if (held) {
      waiting.delete(code);
      send(held);
      return;
    }
    if (states.get(code) === state) return;
    states.set(code, state);
    notify();
  },
};

export function useQueueState(code: string): QueueState {
  return useSyncExternalStore(subscribe, () => states.get(code) ?? "idle", () => "idle");
}
