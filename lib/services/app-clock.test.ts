import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { serviceRollout, serviceVersions } from "../db/schema";
import { getService } from "./catalogue";
import { decideProposal, submitProposal } from "./proposals";
import { installStoredVersions } from "./overlay";
import { setRollout } from "./store";
import * as clock from "../clock";

// A simulated time far from the database's own clock: what the app writes must be the app's time.
const simulated = new Date(Date.parse("2026-11-23T02:00:00Z"));
const draft = { ...getService("social-pension"), code: "app-clock-allowance", shortName: { vi: "Trợ cấp thử đồng hồ", en: "Clock test allowance" } };

describe.each(await testDatabaseKinds())("service decisions and rollout by the app clock on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    installStoredVersions([]);
    await t?.close();
  });

  it("stamps a rollout change, new or updated, and the centre's decision with the app's time, not now()", async () => {
    vi.spyOn(clock, "now").mockReturnValue(simulated);
    const rolloutOf = async () =>
      (await t.db.select().from(serviceRollout).where(and(eq(serviceRollout.serviceCode, "birth-registration"), eq(serviceRollout.commune, "Phường Thanh Khê"))))[0]!;
    await setRollout(t.db, ["birth-registration"], ["Phường Thanh Khê"], true, "test");
    expect((await rolloutOf()).changedAt).toEqual(simulated);
    const later = new Date(simulated.getTime() + 60_000);
    vi.spyOn(clock, "now").mockReturnValue(later);
    await setRollout(t.db, ["birth-registration"], ["Phường Thanh Khê"], false, "test");
    expect(await rolloutOf()).toMatchObject({ enabled: 0, changedAt: later });

    const staff = { username: "xahoi", agency: getService("social-pension").agency.code };
    expect(await submitProposal(t.db, { json: JSON.stringify(draft), communes: ["Phường Hải Châu"], staff })).toMatchObject({ ok: true });
    expect(await decideProposal(t.db, { action: "return", code: draft.code, version: 1, note: "Bổ sung căn cứ", staff: { username: "trungtam", agency: "trungtam" } })).toEqual({ ok: true });
    const [decided] = await t.db.select().from(serviceVersions).where(eq(serviceVersions.code, draft.code));
    expect(decided!.decidedAt).toEqual(later);
  });
});
