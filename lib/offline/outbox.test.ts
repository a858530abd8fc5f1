import { describe, expect, it } from "vitest";
import { asQueuedAction, outboxKey, record, waitingActions, type OutboxStorage, type QueuedAction } from "./outbox";
import { legacyActions, settle } from "./outbox-replay";

/** IndexedDB as idb-keyval presents it: writes resolve when committed, and can be made to fail. */
function memoryStorage(opts: { failWrites?: boolean } = {}) {
  const map = new Map<string, unknown>();
  const storage: OutboxStorage = {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => {
      if (opts.failWrites) throw new DOMException("quota", "QuotaExceededError");
      map.set(key, structuredClone(value));
    },
    del: async (key) => void map.delete(key),
    entries: async () => [...map.entries()],
  };
  return { storage, map };
}

const confirm: QueuedAction = {
  code: "HS-2026-000001",
  kind: "confirm",
  version: 3,
  idempotencyKey: "3f6c1c1e-0000-4000-8000-000000000001",
  input: {},
  consent: true,
  savedAt: 1_000,
};

describe("the outbox writer", () => {
  it("keeps a tap on the device and reads it back as the sender will", async () => {
    const { storage, map } = memoryStorage();
    await expect(record(storage, confirm)).resolves.toEqual(confirm);
    expect(map.get(outboxKey(confirm.code))).toEqual(confirm);
    expect(await waitingActions(storage)).toEqual([confirm]);
  });

  it("a second tap on the same dossier keeps the first action and its idempotency key", async () => {
    const { storage } = memoryStorage();
    await record(storage, confirm);
    const again = await record(storage, { ...confirm, idempotencyKey: "another-key", savedAt: 2_000 });
    expect(again.idempotencyKey).toBe(confirm.idempotencyKey);
    expect((await waitingActions(storage)).map((a) => a.idempotencyKey)).toEqual([confirm.idempotencyKey]);
  });

  it("throws when the phone refuses the write, so nothing is shown as saved", async () => {
    const { storage } = memoryStorage({ failWrites: true });
    await expect(record(storage, confirm)).rejects.toThrow();
    expect(await waitingActions(storage)).toEqual([]);
  });

  it("removes an answered action, but not a newer one that took its place", async () => {
    const { storage } = memoryStorage();
    await record(storage, confirm);
    await settle(storage, { code: confirm.code, idempotencyKey: "older-key" });
    expect(await waitingActions(storage)).toHaveLength(1);
    await settle(storage, confirm);
    expect(await waitingActions(storage)).toEqual([]);
  });

  it("reads only outbox entries, and skips values it cannot trust", async () => {
    const { storage, map } = memoryStorage();
    map.set("draft:HS-2026-000001", { values: { childName: "An" }, savedAt: 1 });
    map.set(outboxKey("HS-2026-000002"), { code: "HS-2026-000002", kind: "delete", version: 1, idempotencyKey: "k", input: {} });
    map.set(outboxKey("HS-2026-000003"), { ...confirm, code: "HS-2026-000003", input: { childName: 7 } });
    await record(storage, confirm);
    expect((await waitingActions(storage)).map((a) => a.code)).toEqual([confirm.code]);
    expect(asQueuedAction(null)).toBeUndefined();
  });
});

describe("actions an earlier build queued through TanStack", () => {
  const persisted = (mutations: unknown[]) => JSON.stringify({ buster: "chu-dong-offline-v1", timestamp: 1, clientState: { queries: [{ queryKey: ["dossier"] }], mutations } });

  it("are carried over with their idempotency keys; answered ones and other mutations are not", () => {
    const { code, kind, version, idempotencyKey, input, consent } = confirm;
    const stored = persisted([
      { mutationKey: ["dossier-action", code], state: { status: "pending", isPaused: true, variables: { code, kind, version, idempotencyKey, input, consent } } },
      { mutationKey: ["dossier-action", "HS-2026-000009"], state: { status: "success", variables: { ...confirm, code: "HS-2026-000009" } } },
      { mutationKey: ["something-else"], state: { status: "pending", variables: {} } },
    ]);
    expect(legacyActions(stored, 5_000)).toEqual([{ ...confirm, savedAt: 5_000 }]);
  });

  it("yield nothing from an empty or unreadable store", () => {
    expect(legacyActions(persisted([]), 0)).toEqual([]);
    expect(legacyActions("{not json", 0)).toEqual([]);
    expect(legacyActions(undefined, 0)).toEqual([]);
  });
});
