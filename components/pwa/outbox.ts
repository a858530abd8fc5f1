"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { del, entries, get, set } from "idb-keyval";
import * as clock from "@/lib/clock";
import { record, waitingActions, type OutboxStorage, type QueuedAction } from "@/lib/offline/outbox";
import type { DossierActionAnswer } from "./dossier-action";
import { QUERY_CACHE_KEY } from "./offline-names";

/**
 * The page's side of the outbox, small enough for every citizen page: a tap is written to IndexedDB
 * first, and only then shown as "saved on this phone". Sending (fetch, retries with backoff, sign-in)
 * is in ./outbox-sender, loaded once the citizen starts on a form (prepareSender), or at once when
 * something waits to be sent; a tap before it has loaded is kept all the same.
 *
 * saving: being written · sending: first attempt under way · queued: "Đang chờ gửi", stored and retried ·
 * sign-in: stored, waiting for a new session · sent / refused: the server's definite answer ·
 * unsaved: the phone refused the write and there is no network to send it now.
 */
export type OutboxState = "idle" | "saving" | "sending" | "queued" | "sign-in" | "sent" | "refused" | "unsaved";

export interface OutboxEntry {
  state: OutboxState;
  kind: "confirm" | "amend";
  refusal?: Extract<DossierActionAnswer, { ok: false }>;
}

export const storage: OutboxStorage = { get, set, del, entries };

const IDLE: OutboxEntry = { state: "idle", kind: "confirm" };
const shown = new Map<string, OutboxEntry>();
const listeners = new Set<() => void>();

export function report(code: string, entry: OutboxEntry) {
  shown.set(code, entry);
  for (const listener of listeners) listener();
}

export const busy = (state: OutboxState) => state === "saving" || state === "sending" || state === "queued" || state === "sign-in";

type Sender = typeof import("./outbox-sender");
let sender: Promise<Sender> | undefined;
function loadSender(): Promise<Sender> {
  if (!sender) {
    sender = import("./outbox-sender");
    // A failed chunk load (offline, before the service worker has it) is tried again on the next need.
    sender.catch(() => (sender = undefined));
  }
  return sender;
}

/** Sends whatever waits on the device; the sender loads here if it has not yet. */
function flush() {
  void loadSender().then((s) => s.flush(), () => undefined);
}

let started = false;
/** Once per page load (the citizen layout's shell calls it): shows what waits from before and sends it. */
export function startOutbox() {
  if (started) return;
  started = true;
  // An earlier build's queue, if any, is moved over by the sender first.
  void get(QUERY_CACHE_KEY)
    .then((legacy) => (legacy === undefined ? undefined : loadSender().then((s) => s.migrateLegacyQueue())))
    .then(() => waitingActions(storage))
    .then((waiting) => {
      for (const a of waiting) if (!shown.has(a.code)) report(a.code, { state: "queued", kind: a.kind });
      if (waiting.length > 0) flush();
    }, () => undefined);
  window.addEventListener("online", flush);
}

/** The citizen opened a confirm or started on a form: the sender loads now, not with the page. */
export function prepareSender() {
  loadSender().catch(() => undefined);
}

/** Records a confirm or amend on the device, then sends it. A tap while one is waiting does nothing. */
export async function enqueue(action: Omit<QueuedAction, "savedAt">) {
  if (busy((shown.get(action.code) ?? IDLE).state)) return;
  report(action.code, { state: "saving", kind: action.kind });
  let kept: QueuedAction;
  try {
    kept = await record(storage, { ...action, savedAt: clock.now().getTime() });
  } catch {
    // Not stored (private mode, a full disk): sent now if there is a network, never shown as saved.
    if (!navigator.onLine) return report(action.code, { state: "unsaved", kind: action.kind });
    report(action.code, { state: "sending", kind: action.kind });
    return loadSender().then((s) => s.attempt({ ...action, savedAt: 0 }), () => report(action.code, { state: "unsaved", kind: action.kind }));
  }
  report(action.code, { state: navigator.onLine ? "sending" : "queued", kind: kept.kind });
  flush();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * This dossier's action as the page shows it. When the server has it: a confirm opens the dossier's
 * "submitted" page, an amend refreshes this one.
 */
export function useOutbox(code: string, onSent?: (kind: "confirm" | "amend") => void): OutboxEntry {
  const router = useRouter();
  const entry = useSyncExternalStore(subscribe, () => shown.get(code) ?? IDLE, () => IDLE);
  const handled = useRef<OutboxEntry>(undefined);
  useEffect(() => {
    // A refusal is not followed by a refresh: the page would drop the form, and the conflict with it.
    if (entry.state !== "sent" || handled.current === entry) return;
    handled.current = entry;
    onSent?.(entry.kind);
    if (entry.kind === "amend") router.refresh();
    else router.replace(`/dossiers/${encodeURIComponent(code)}?submitted=1`);
  }, [entry, router, code, onSent]);
  return entry;
}
