import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossierEvents, dossiers } from "../db/schema";
import { scan } from "../engine/scan";
import { chooseCollectCentre, collectCentre } from "./collect";

const TODAY = "2026-11-23";
const { cuc, an } = demoPersonas;

describe("collect the result at any one-stop desk", () => {
  it("is the chosen desk, else the citizen's own commune, only when collected at a desk", () => {
    expect(collectCentre({ collectAt: null, citizenData: { delivery: "centre" } }, "Xã Hòa Vang")).toBe("Xã Hòa Vang");
    expect(collectCentre({ collectAt: "Phường Hải Châu", citizenData: { delivery: "centre" } }, "Xã Hòa Vang")).toBe("Phường Hải Châu");
    expect(collectCentre({ collectAt: "Phường Hải Châu", citizenData: { delivery: "post" } }, "Xã Hòa Vang")).toBeUndefined();
  });
});

describe.each(await testDatabaseKinds())("choosing the collection desk on $name", ({ open }) => {
  let t: TestDatabase;
  const licence = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "medical-licence-renewal")))[0]!;
  const choose = async (who: string, commune: unknown) => chooseCollectCentre(t.db, who, { dossierCode: (await licence()).code, commune });

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "https://dichvucong.danang.gov.vn" });
  });
  afterAll(async () => t?.close());

  it("records the owner's choice once, switches delivery to the desk, and refuses others and unknown desks", async () => {
    expect(await choose(an, "Xã Hòa Vang")).toEqual({ ok: false, error: "not_found" });
    expect(await choose(cuc, "Phường Không Có")).toEqual({ ok: false, error: "invalid" });
    const before = await licence();
    expect(await choose(cuc, "Xã Hòa Vang")).toEqual({ ok: true, changed: true });
    expect(await choose(cuc, "Xã Hòa Vang")).toEqual({ ok: true, changed: false });
    const after = await licence();
    expect(after).toMatchObject({ collectAt: "Xã Hòa Vang", version: before.version + 1, citizenData: expect.objectContaining({ delivery: "centre" }) });
    expect(await t.db.$count(dossierEvents, eq(dossierEvents.kind, "collectAt"))).toBe(1);
  });

  it("is closed once the result is ready", async () => {
    await t.db.update(dossiers).set({ status: "approved" }).where(eq(dossiers.id, (await licence()).id));
    expect(await choose(cuc, "Phường Hải Châu")).toEqual({ ok: false, error: "not_allowed" });
  });
});
