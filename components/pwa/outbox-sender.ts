"use client";

import { del, get } from "idb-keyval";
import * as clock from "@/lib/clock";
import { retryDelayMs } from "@/lib/offline/backoff";
import { record, waitingActions, type QueuedAction } from "@/lib/offline/outbox";
import { legacyActions, settle } from "@/lib/offline/outbox-replay";
import { DossierActionRefused, SignInNeeded, sendDossierAction } from "./dossier-action";
import { report, storage } from "./outbox";
import { QUERY_CACHE_KEY } from "./offline-names";

/**
 * Sends the outbox to the versioned JSON route, loaded after the page (components/pwa/outbox.ts). Each
 * action keeps its idempotency key through every retry, reload and sign-in, so the server records it once;
 * anything but a definite answer is retried with backoff.
 */
const inFlight = new Set<string>();
const failures = new Map<string, number>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** One tab at a time sends a given action: another tab waits, then finds it already answered. */
function exclusive<T>(key: string, run: () => Promise<T>): Promise<T> {
  // Absent before Safari 15.4 and on old WebViews.
  const locks: LockManager | undefined = navigator.locks;
  return locks ? (locks.request(`outbox:${key}`, run) as Promise<T>) : run();
}

export async function attempt(action: QueuedAction): Promise<void> {
  const { code, kind, version, idempotencyKey, input, consent, note } = action;
  const body = { version, idempotencyKey, input, consent, note };
  if (inFlight.has(code)) return;
  inFlight.add(code);
  clearTimeout(timers.get(code));
  const tries = failures.get(body.idempotencyKey) ?? 0;
  // Sent without a copy on the device (the phone refused the write): never shown as waiting there.
  const kept = action.savedAt !== 0;
  try {
    if (!navigator.onLine) return report(code, { state: kept ? "queued" : "unsaved", kind });
    if (tries === 0) report(code, { state: "sending", kind });
    const stillWaiting = await exclusive(body.idempotencyKey, async () => {
      // Sent by another tab meanwhile: nothing is left to send from this one.
      const stored = await waitingActions(storage).then((all) => all.find((a) => a.code === code), () => undefined);
      if (kept && stored?.idempotencyKey !== body.idempotencyKey) return false;
      await sendDossierAction({ code, kind, ...body });
      return true;
    });
    failures.delete(body.idempotencyKey);
    await settle(storage, action);
    report(code, { state: stillWaiting ? "sent" : "idle", kind });
  } catch (error) {
    if (error instanceof DossierActionRefused) {
      failures.delete(body.idempotencyKey);
      await settle(storage, action).catch(() => undefined);
      report(code, { state: "refused", kind, refusal: error.answer });
    } else if (!kept) {
      report(code, { state: "unsaved", kind });
    } else {
      // Kept on the device and tried again later; an expired session waits for a new one (in any tab).
      failures.set(body.idempotencyKey, tries + 1);
      report(code, { state: error instanceof SignInNeeded ? "sign-in" : "queued", kind });
      timers.set(code, setTimeout(() => void attempt(action), retryDelayMs(tries + 1)));
    }
  } finally {
    inFlight.delete(code);
  }
}

export async function flush(): Promise<void> {
  for (const action of await waitingActions(storage)) void attempt(action);
}

/** Moves actions an earlier build queued through TanStack into the outbox, then drops that store. */
export async function migrateLegacyQueue(): Promise<void> {
  const persisted = await get(QUERY_CACHE_KEY);
  if (persisted === undefined) return;
  for (const action of legacyActions(persisted, clock.now().getTime())) await record(storage, action);
  await del(QUERY_CACHE_KEY);
}
