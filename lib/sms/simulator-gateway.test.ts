import { describe, expect, it } from "vitest";
import { createSimulatorGateway } from "./simulator-gateway";

describe("simulator gateway", () => {
  it("accepts every message and gives the same id to a resend", async () => {
    const gateway = createSimulatorGateway();
    const first = await gateway.send({ to: "0905000001", body: "x", idempotencyKey: "prepared:a" });
    expect(first).toMatchObject({ ok: true, messageId: expect.stringMatching(/^sim-[0-9a-f]{20}$/) });
    expect(await gateway.send({ to: "0905000001", body: "x", idempotencyKey: "prepared:a" })).toEqual(first);
    expect(await gateway.send({ to: "0905000001", body: "x", idempotencyKey: "prepared:b" })).not.toEqual(first);
  });
});
