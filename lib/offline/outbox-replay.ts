import { asQueuedAction, outboxKey, type OutboxStorage, type QueuedAction } from "./outbox";

/**
 * What only the sender needs (loaded after the page, components/pwa/outbox-sender.ts): removing an
 * answered action, and reading the queue an earlier build kept.
 */

/** Removes the action once the server has answered it, unless a newer one (another key) took its place. */
export async function settle(storage: OutboxStorage, action: Pick<QueuedAction, "code" | "idempotencyKey">): Promise<void> {
  const stored = asQueuedAction(await storage.get(outboxKey(action.code)));
  if (stored?.idempotencyKey === action.idempotencyKey) await storage.del(outboxKey(action.code));
}

/**
 * The actions an earlier build queued in TanStack's persisted state (the stored string under
 * "chu-dong-query-cache"): a deploy must never drop a queued confirmation.
 */
export function legacyActions(persisted: unknown, now: number): QueuedAction[] {
  if (typeof persisted !== "string") return [];
  try {
    const value = JSON.parse(persisted) as { clientState?: { mutations?: { mutationKey?: unknown[]; state?: { status?: string; variables?: unknown } }[] } };
    return (value.clientState?.mutations ?? []).flatMap((m) => {
      if (!Array.isArray(m.mutationKey) || m.mutationKey[0] !== "dossier-action" || m.state?.status !== "pending") return [];
      const action = asQueuedAction({ ...(m.state.variables as object), savedAt: now });
      return action ? [action] : [];
    });
  } catch {
    return [];
  }
}
