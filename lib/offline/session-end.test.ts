import { describe, expect, it } from "vitest";
import { keepOnlyQueuedActions } from "./session-end";

describe("what a timed-out session leaves on the phone", () => {
  const persisted = (mutations: unknown[]) =>
    JSON.stringify({
      buster: "v1",
      timestamp: 1,
      clientState: { queries: [{ queryKey: ["dossiers"], state: { data: { dossiers: [{ code: "HS-2026-000001", title: "Gia hạn phù hiệu xe" }] } } }], mutations },
    });

  it("drops the cached statuses but keeps a queued confirmation", () => {
    const kept = keepOnlyQueuedActions(persisted([{ mutationKey: ["dossier-action", "HS-2026-000001"], state: { status: "pending" } }]));
    expect(kept).not.toContain("Gia hạn phù hiệu xe");
    expect(JSON.parse(kept!).clientState.mutations).toHaveLength(1);
    expect(JSON.parse(kept!).buster).toBe("v1");
  });

  it("keeps nothing when nothing is queued, or the stored value is unreadable", () => {
    expect(keepOnlyQueuedActions(persisted([]))).toBeUndefined();
    expect(keepOnlyQueuedActions("{not json")).toBeUndefined();
    expect(keepOnlyQueuedActions(null)).toBeUndefined();
  });
});
