import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { createMockOneStop, type MockOneStop } from "./mock-server";
import { createHttpOneStop } from "./http-adapter";
import * as clock from "../clock";

// The demo's mock and our HTTP adapter against each other: what the running demo and Playwright rely on.
describe("the mock One-Stop service's status lookup", () => {
  let mock: MockOneStop;
  let url: string;
  beforeAll(async () => {
    // Nobody listens on the callback address: every callback is lost, as in the case reconciliation exists for.
    mock = createMockOneStop({ apiKey: "mock-test-key", callbackUrl: "http://127.0.0.1:9/api/gov/onestop/status", callbackKey: "unused" });
    await new Promise<void>((resolve) => mock.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(mock.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => mock?.close());

  it("answers a record's latest status, with the event id its callback carries", async () => {
    const adapter = createHttpOneStop({ url, apiKey: "mock-test-key", timeoutMs: 2000 });
    const filed = await adapter.submit({
      idempotencyKey: "mock-lookup-1",
      dossierCode: "HS-2026-000001",
      serviceCode: "medical-licence-renewal",
      agency: "yte",
      commune: "Phường Hải Châu",
      applicantId: "048410000001",
      applicantName: "Thử Nghiệm",
      submittedAt: clock.now().toISOString(),
      slaDueDate: null,
    });
    if (!filed.ok) throw new Error(filed.error);
    expect(await adapter.status(filed.onestopId)).toEqual({ ok: true, latest: null });

    const set = await fetch(`${url}/records/${filed.onestopId}/status`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ status: "processing", lose: true }) });
    const { eventId } = (await set.json()) as { eventId: string };
    expect(await adapter.status(filed.onestopId)).toEqual({ ok: true, latest: { eventId, status: "processing", officer: "mot-cua" } });
    expect(mock.records.get(filed.onestopId)!.statuses).toMatchObject([{ eventId, delivered: false }]);

    expect(await createHttpOneStop({ url, apiKey: "wrong-key-000", timeoutMs: 2000 }).status(filed.onestopId)).toEqual({ ok: false, error: "HTTP 401" });
    expect(await adapter.status("00000000-0000-0000-0000-000000000000")).toEqual({ ok: false, error: "HTTP 404" });
  });

  it("opens a new record for each new submission, as a real One-Stop system does, and takes a resubmission as an update", async () => {
    const adapter = createHttpOneStop({ url, apiKey: "mock-test-key", timeoutMs: 2000 });
    const submission = {
      idempotencyKey: "mock-first-1",
      dossierCode: "HS-2026-000002",
      serviceCode: "medical-licence-renewal",
      agency: "yte",
      commune: "Phường Hải Châu",
      applicantId: "048410000001",
      applicantName: "Thử Nghiệm",
      submittedAt: clock.now().toISOString(),
      slaDueDate: null,
    };
    const first = await adapter.submit(submission);
    const second = await adapter.submit({ ...submission, idempotencyKey: "mock-second-1" });
    if (!first.ok || !second.ok) throw new Error("not filed");
    expect(second.onestopId).not.toBe(first.onestopId);
    expect(second.receiptNo).not.toBe(first.receiptNo);

    const update = { ...submission, idempotencyKey: "mock-supplement-1" };
    expect(await adapter.supplement(first.onestopId, update)).toEqual(first);
    expect(await adapter.supplement(first.onestopId, update)).toEqual(first);
    expect(mock.records.get(first.onestopId)!.submissions).toBe(2);
    expect(await adapter.supplement(first.onestopId, { ...update, idempotencyKey: "mock-supplement-2", dossierCode: "HS-2026-000009" })).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringMatching(/^HTTP 404/),
    });
  });
});
