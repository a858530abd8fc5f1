import { describe, expect, it } from "vitest";
import { queuedDossierCodes } from "./queued";

describe("which dossiers have an action waiting on the phone", () => {
  const persisted = (mutations: unknown[]) => JSON.stringify({ buster: "v1", timestamp: 1, clientState: { queries: [], mutations } });

  it("names each dossier with a queued confirm or amend once", () => {
    const stored = persisted([
      { mutationKey: ["dossier-action", "HS-2026-000001"], state: { status: "pending" } },
      { mutationKey: ["dossier-action", "HS-2026-000001"], state: { status: "pending" } },
      { mutationKey: ["dossier-action", "HS-2026-000007"], state: { status: "pending" } },
      { mutationKey: ["something-else", "HS-2026-000009"], state: { status: "pending" } },
    ]);
    expect(queuedDossierCodes(stored)).toEqual(["HS-2026-000001", "HS-2026-000007"]);
  });

  it("names none when nothing is stored or the value is unreadable", () => {
    expect(queuedDossierCodes(persisted([]))).toEqual([]);
    expect(queuedDossierCodes("{not json")).toEqual([]);
    expect(queuedDossierCodes(undefined)).toEqual([]);
  });
});
