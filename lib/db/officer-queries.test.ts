import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "./test-databases";
import { dossiers } from "./schema";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { scan } from "../engine/scan";
import { statuses } from "../dossiers/status";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { performOfficerAction } from "../dossiers/officer-actions";
import { communesOfAgency, findDossierForAgency, officerQueue } from "./officer-queries";

const TODAY = "2026-11-23";

describe.each(await testDatabaseKinds())("officers see only what the citizen submitted, on $name", ({ open }) => {
  let t: TestDatabase;
  let code = "";
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "https://dvc.example.vn" });
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration"));
    expect(birth!.status).toBe("prepared");
    code = birth!.code;
  }, 180_000);
  afterAll(async () => t?.close());

  it("a prepared dossier is in no queue (whatever the status filter), no commune list, no review page, no action", async () => {
    for (const status of [undefined, ...statuses]) expect(await officerQueue(t.db, "hotich", { status })).toEqual([]);
    expect(await communesOfAgency(t.db, "hotich")).toEqual([]);
    expect(await findDossierForAgency(t.db, "hotich", code)).toBeUndefined();
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(await performOfficerAction(t.db, { username: "hotich", agency: "hotich" }, { dossierCode: code, version: birth!.version, action: "reject", note: "x" }, { origin: "https://dvc.example.vn", today: TODAY })).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("the same dossier appears once the citizen has submitted it", async () => {
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.code, code));
    const confirmed = await performCitizenAction(t.db, demoPersonas.an, "confirm", {
      dossierCode: code,
      version: birth!.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
    expect((await officerQueue(t.db, "hotich", {})).map((r) => r.code)).toEqual([code]);
    expect(await findDossierForAgency(t.db, "hotich", code)).toBeDefined();
    expect((await communesOfAgency(t.db, "hotich")).length).toBe(1);
  });
});
