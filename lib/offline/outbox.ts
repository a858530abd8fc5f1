/**
 * The phone's outbox of confirms and amends: one action per dossier, written to IndexedDB before the page
 * says "saved on this phone", sent later with its own idempotency key. Pure over a small storage
 * interface, so the rules are tested without a browser; components/pwa/outbox.ts gives it IndexedDB.
 */
export interface QueuedAction {
  code: string;
  kind: "confirm" | "amend";
  version: number;
  idempotencyKey: string;
  input: Record<string, string>;
  consent?: boolean;
  note?: string;
  savedAt: number;
}

export interface OutboxStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: QueuedAction): Promise<void>;
  del(key: string): Promise<void>;
  entries(): Promise<[IDBValidKey, unknown][]>;
}

const PREFIX = "outbox:";
export const outboxKey = (code: string) => `${PREFIX}${code}`;

const isText = (v: unknown): v is string => typeof v === "string";

/** A stored value read back from the device (any build may have written it): the action, or nothing. */
export function asQueuedAction(value: unknown): QueuedAction | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const input = v.input;
  if (!isText(v.code) || (v.kind !== "confirm" && v.kind !== "amend") || !Number.isInteger(v.version) || !isText(v.idempotencyKey)) return undefined;
  if (typeof input !== "object" || input === null || !Object.values(input).every(isText)) return undefined;
  return {
    code: v.code,
    kind: v.kind,
    version: v.version as number,
    idempotencyKey: v.idempotencyKey,
    input: input as Record<string, string>,
    ...(typeof v.consent === "boolean" ? { consent: v.consent } : {}),
    ...(isText(v.note) ? { note: v.note } : {}),
    savedAt: typeof v.savedAt === "number" ? v.savedAt : 0,
  };
}

/**
 * Keeps the action on the device; resolves only once the write is committed, and throws if it failed.
 * An action already waiting for this dossier stays as it is (a second tap sends nothing twice).
 */
export async function record(storage: OutboxStorage, action: QueuedAction): Promise<QueuedAction> {
  const waiting = asQueuedAction(await storage.get(outboxKey(action.code)));
  if (waiting) return waiting;
  await storage.set(outboxKey(action.code), action);
  return action;
}

export async function waitingActions(storage: OutboxStorage): Promise<QueuedAction[]> {
  const all = await storage.entries();
  return all.flatMap(([key, value]) => {
    const action = isText(key) && key.startsWith(PREFIX) ? asQueuedAction(value) : undefined;
    return action ? [action] : [];
  });
}
