import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, TransactionRollbackError } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld } from "../gov/demo-world";
import { growthPersonas, seedGrowthWorld } from "../gov/demo-growth-world";
import { citizens, dossiers, serviceEvents, serviceVersions } from "../db/schema";
import { scan } from "../engine/scan";
import { dryRun } from "../engine/dry-run";
import { findService, getService } from "./catalogue";
import { decideProposal, submitProposal } from "./proposals";
import { installStoredVersions } from "./overlay";
import { rolloutComparison, seedServiceCatalogue, setRollout } from "./store";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const xahoi = { username: "xahoi", agency: "xahoi" };
const centre = { username: "trungtam", agency: "trungtam" };

// An age rule over the population register that no catalogue service uses: a department's new idea.
const elderly = {
  ...getService("social-pension"),
  code: "elderly-eighty-allowance",
  shortName: { vi: "Trợ cấp người cao tuổi 80", en: "Allowance at 80" },
  trigger: { ...getService("social-pension").trigger, years: [80] },
};

describe.each(await testDatabaseKinds())("propose, approve, version and roll out on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await seedGrowthWorld(t.db, TODAY);
    await seedServiceCatalogue(t.db);
    // Lý Thị Thu lives in Thanh Khê: her ID renewal waits until the service is switched on there.
    await setRollout(t.db, ["citizen-id-renewal"], ["Phường Thanh Khê"], false, "test");
  });
  afterAll(async () => {
    installStoredVersions([]);
    await t?.close();
  });

  it("dry-runs a draft per commune, hiding counts under 5 and any real person's data, writing nothing", async () => {
    const run = await dryRun(t.db, elderly, { today: TODAY, origin: ORIGIN, communes: ["Phường Hải Châu"] });
    // One person turns 80: a count of 1 would single him out, so it is "< 5", and no sample is drawn from it.
    expect(run.perCommune).toEqual([{ commune: "Phường Hải Châu", count: null, chosen: true }]);
    expect(run.total).toEqual({ count: 0, small: 1 });
    expect(run.samples).toEqual([]);
    // The preview's SMS is made up (Trương Văn Bảy is the real candidate): never his name.
    expect(run.sms.text).toBe("DVC Da Nang: Ong An: ho so huong tro cap huu tri xa hoi da san sang: https://dichvucong.danang.gov.vn/s/xxxxxxxxxxxxxxxxxxxxxx Ma doi chieu 0000");
    expect(run.sms.text).not.toMatch(/Bay/);
    expect(await t.db.$count(dossiers, eq(dossiers.serviceCode, elderly.code))).toBe(0);
  });

  it("samples only from communes with 5 or more, with no name, id or exact birth date", async () => {
    // Six more people turn 80 within the fortnight in Sơn Trà (test-only ids): enough to sample there, not in Hải Châu.
    const ids = [1, 2, 3, 4, 5, 6].map((n) => `04848000000${n}`);
    let run: Awaited<ReturnType<typeof dryRun>> | undefined;
    // Citizens are never deleted: the extra people live in a transaction that is rolled back.
    await t.db
      .transaction(async (tx) => {
        await tx.insert(citizens).values(ids.map((id, i) => ({ id, fullName: `Người Thử ${i}`, birthDate: `1946-12-0${i + 1}`, sex: "male" as const, commune: "Phường Sơn Trà", province: "Thành phố Đà Nẵng" })));
        run = await dryRun(tx, elderly, { today: TODAY, origin: ORIGIN, communes: ["Phường Hải Châu", "Phường Sơn Trà"] });
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(run?.perCommune).toEqual([
      { commune: "Phường Sơn Trà", count: 6, chosen: true },
      { commune: "Phường Hải Châu", count: null, chosen: true },
    ]);
    expect(run?.total).toEqual({ count: 6, small: 1 });
    expect(run?.samples).toHaveLength(5);
    for (const sample of run!.samples) expect(sample).toEqual({ ageBand: "70–79", commune: "Phường Sơn Trà", dueOn: expect.stringMatching(/^2026-12-0\d$/) });
    expect(await t.db.$count(citizens, inArray(citizens.id, ids))).toBe(0);
  });

  it("refuses a commune the platform does not know, with its own issue", async () => {
    const result = await submitProposal(t.db, { json: JSON.stringify(elderly), communes: ["Phường Hải Châu", "Phuong Hai Chau'; --"], staff: xahoi });
    expect(result).toMatchObject({ ok: false, error: "invalid", issues: [{ path: "communes", key: "unknownCommune" }] });
    expect(await submitProposal(t.db, { json: JSON.stringify(elderly), communes: [], staff: xahoi })).toMatchObject({ issues: [{ key: "chooseCommune" }] });
  });

  it("refuses another agency's service and an invalid draft; the centre alone decides", async () => {
    expect(await submitProposal(t.db, { json: JSON.stringify(elderly), communes: ["Phường Hải Châu"], staff: { username: "yte", agency: "yte" } })).toMatchObject({ ok: false, error: "invalid" });
    expect(await submitProposal(t.db, { json: "{", communes: ["Phường Hải Châu"], staff: xahoi })).toMatchObject({ ok: false, error: "invalid" });
    expect(await submitProposal(t.db, { json: JSON.stringify(elderly), communes: [], staff: xahoi })).toMatchObject({ ok: false, error: "invalid" });
    const sent = await submitProposal(t.db, { json: JSON.stringify(elderly), communes: ["Phường Hải Châu"], staff: xahoi });
    expect(sent).toEqual({ ok: true, code: elderly.code, version: 1 });
    expect(await submitProposal(t.db, { json: JSON.stringify(elderly), communes: ["Phường Hải Châu"], staff: xahoi })).toMatchObject({ ok: false, error: "pending" });
    expect(await decideProposal(t.db, { action: "approve", code: elderly.code, version: 1, staff: xahoi })).toEqual({ ok: false, error: "not_centre" });
    expect(await decideProposal(t.db, { action: "return", code: elderly.code, version: 1, staff: centre })).toEqual({ ok: false, error: "note_required" });
    // Nothing is live before approval.
    expect(findService(elderly.code)).toBeUndefined();
    expect((await scan(t.db, { today: TODAY, origin: ORIGIN })).prepared[elderly.code]).toBeUndefined();
  });

  it("goes live on approval in the chosen communes, once, audited", async () => {
    const [approved, again] = await Promise.all([
      decideProposal(t.db, { action: "approve", code: elderly.code, version: 1, staff: centre }),
      decideProposal(t.db, { action: "approve", code: elderly.code, version: 1, staff: centre }),
    ]);
    expect([approved, again].filter((r) => r.ok)).toHaveLength(1);
    expect(findService(elderly.code)?.shortName.vi).toBe("Trợ cấp người cao tuổi 80");
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(run.prepared[elderly.code]).toBe(1);
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, elderly.code));
    expect(d).toMatchObject({ ownerId: growthPersonas.bay, serviceVersion: 1 });
    const events = await t.db.select().from(serviceEvents).where(eq(serviceEvents.code, elderly.code));
    expect(events.map((e) => e.action)).toEqual(["submitted", "approved", "switched-on"]);
  });

  it("applies a change to new dossiers only: prepared ones keep their version", async () => {
    const v2 = { ...elderly, reason: { vi: "Phiên bản 2: {age} tuổi", en: "Version 2: {age}" } };
    expect(await submitProposal(t.db, { json: JSON.stringify(v2), communes: ["Phường Hải Châu", "Phường Thanh Khê"], staff: xahoi })).toEqual({ ok: true, code: elderly.code, version: 2 });
    expect(await decideProposal(t.db, { action: "return", code: elderly.code, version: 2, note: "Cần xác minh căn cứ pháp lý", staff: centre })).toEqual({ ok: true });
    const [returned] = await t.db.select().from(serviceVersions).where(and(eq(serviceVersions.code, elderly.code), eq(serviceVersions.version, 2)));
    expect(returned).toMatchObject({ status: "returned", note: "Cần xác minh căn cứ pháp lý", decidedBy: "trungtam" });
    expect(await submitProposal(t.db, { json: JSON.stringify(v2), communes: ["Phường Hải Châu"], staff: xahoi })).toEqual({ ok: true, code: elderly.code, version: 3 });
    expect(await decideProposal(t.db, { action: "approve", code: elderly.code, version: 3, staff: centre })).toEqual({ ok: true });
    expect(findService(elderly.code)?.reason.vi).toBe("Phiên bản 2: {age} tuổi");
    expect(findService(elderly.code, 1)?.reason.vi).toBe(getService("social-pension").reason.vi);
    const [kept] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, elderly.code));
    expect(kept?.serviceVersion).toBe(1);
  });

  it("prepares only where a service is switched on, and compares on and off communes", async () => {
    const off = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(off.prepared["citizen-id-renewal"]).toBe(0);
    const comparison = await rolloutComparison(t.db, { service: "citizen-id-renewal" });
    expect(comparison.find((r) => r.commune === "Phường Thanh Khê")).toMatchObject({ enabled: false, prepared: 0 });
    expect(comparison.find((r) => r.commune === "Phường Hải Châu")).toMatchObject({ enabled: true });
    await setRollout(t.db, ["citizen-id-renewal"], ["Phường Thanh Khê"], true, "test");
    const on = await scan(t.db, { today: TODAY, origin: ORIGIN });
    expect(on.prepared["citizen-id-renewal"]).toBe(1);
    expect((await rolloutComparison(t.db, { service: "citizen-id-renewal" })).find((r) => r.commune === "Phường Thanh Khê")).toMatchObject({ enabled: true, prepared: 1 });
  });
});
