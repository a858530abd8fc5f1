import { describe, expect, it } from "vitest";
import vi from "../../messages/vi/officer.json";
import { reviewQuery } from "./review-query";

describe("the review page's answer in its URL", () => {
  it("keeps only the decision errors it has words for", () => {
    expect(reviewQuery.parse({ error: "not_pending" })).toEqual({ error: "not_pending" });
    expect(reviewQuery.parse({ error: "constructor" }).error).toBeUndefined();
    expect(reviewQuery.parse({ error: "__proto__", done: "x" })).toEqual({});
    for (const key of reviewQuery.shape.error.unwrap().unwrap().options) expect(vi.services.error).toHaveProperty(key);
  });
});
