import { describe, expect, it } from "vitest";
import { DRAFT_MAX_AGE_MS, holdsIdentifier, restorableDraft, storableValues } from "./draft";

describe("what a draft may keep on the phone", () => {
  it("keeps the citizen's answers but never a personal id or a phone number", () => {
    const kept = storableValues({
      childName: "Nguyễn Minh Khang",
      note: "số định danh của tôi 048090000001",
      contact: "gọi 0905 000 001",
      intl: "+84905000001",
      bankAccount: "0123456789",
      empty: "  ",
    });
    expect(kept).toEqual({ childName: "Nguyễn Minh Khang", bankAccount: "0123456789" });
  });

  it("recognises ids and phones written in the usual ways, not other numbers", () => {
    expect(holdsIdentifier("048090000001")).toBe(true);
    expect(holdsIdentifier("0905.000.001")).toBe(true);
    expect(holdsIdentifier("0905-000-001")).toBe(true);
    expect(holdsIdentifier("136 giờ")).toBe(false);
    expect(holdsIdentifier("43B-123.45")).toBe(false);
    expect(holdsIdentifier("1234567890123")).toBe(false);
  });

  it("restores a draft only when it is recent and differs from what the page shows", () => {
    const draft = { values: { childName: "Khang" }, savedAt: 1_000 };
    expect(restorableDraft(draft, {}, 2_000)).toBe(draft);
    expect(restorableDraft(draft, { childName: "Khang" }, 2_000)).toBeUndefined();
    expect(restorableDraft(draft, {}, 1_000 + DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(restorableDraft(undefined, {}, 2_000)).toBeUndefined();
  });
});
