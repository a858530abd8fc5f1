/**
 * What stays on the phone when a session ends by timeout: the citizen's unsent work (queued actions and
 * drafts, which hold no id or phone number and replay only under their owner's session), not the copies
 * of personal pages and statuses that anyone picking up the phone could read.
 */
export function keepOnlyQueuedActions(persisted: string | null | undefined): string | undefined {
  if (!persisted) return undefined;
  try {
    const value = JSON.parse(persisted) as { clientState?: { queries?: unknown[]; mutations?: unknown[] } };
    if (!value.clientState) return undefined;
    if ((value.clientState.mutations ?? []).length === 0) return undefined;
    return JSON.stringify({ ...value, clientState: { ...value.clientState, queries: [] } });
  } catch {
    return undefined;
  }
}
