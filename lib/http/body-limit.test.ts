import { describe, expect, it, vi } from "vitest";

vi.mock("next-intl/plugin", () => ({ default: () => (config: unknown) => config }));
const { default: nextConfig } = await import("@/next.config");
const { UPLOAD_BODY_LIMIT } = await import("./limits");

describe("Next's own body limit", () => {
  it("lets a body through the proxy past our largest limit, so it is our 413 and never a silently cut file", () => {
    // Next ends a body at proxyClientMaxBodySize as if it were complete: it must never be what stops an upload.
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBeGreaterThan(UPLOAD_BODY_LIMIT);
  });
});
