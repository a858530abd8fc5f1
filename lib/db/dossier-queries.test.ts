import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "./test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dossiers, payments } from "./schema";
import { latestPaymentOf } from "../payments/orders";
import { parentReviewOf, respondAsOtherParent } from "../dossiers/objections";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { dataAccessFor, dossierPageFor, dossierStatusFor, eventsOf, findCitizen, findDossierFor, homeFor, listDossiersFor, pageEventData } from "./dossier-queries";
import { dossierSummaryJson, type DossierStatusJson } from "../api/dossier-json";
import { revokeSession } from "../security/session-revocation";

const TODAY = "2026-11-23";
const SID = "5d0f3a9e-8c1b-4e2d-9f6a-7b8c9d0e1f2a";

describe.each(await testDatabaseKinds())("the citizen read queries on $name", ({ open }) => {
  let t: TestDatabase;
  let code: string;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
    const [birth] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "birth-registration"));
    code = birth!.code;
    const r = await performCitizenAction(t.db, demoPersonas.an, "confirm", {
      dossierCode: code,
      version: birth!.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => t?.close());

  it("answers in one statement what the dossier and its events say, for each parent", async () => {
    for (const parent of [demoPersonas.an, demoPersonas.binh]) {
      const dossier = (await findDossierFor(t.db, parent, code))!;
      const events = await eventsOf(t.db, dossier.id);
      expect(events.length).toBeGreaterThanOrEqual(2);
      const { revoked, statusJson } = await dossierStatusFor(t.db, { citizenId: parent, sid: SID }, code);
      expect(revoked).toBe(false);
      expect(JSON.parse(statusJson!)).toEqual({
        ...dossierSummaryJson(dossier),
        events: events.map((e) => ({ status: e.toStatus, kind: e.kind, at: new Date(e.at).toISOString() })),
      } satisfies DossierStatusJson);
    }
  });

  it("the status finds nothing for another citizen, an unknown code or none", async () => {
    for (const [citizenId, asked] of [[demoPersonas.cuc, code], [demoPersonas.an, "HS-2000-999999"], [demoPersonas.an, null]] as const) {
      expect(await dossierStatusFor(t.db, { citizenId, sid: SID }, asked)).toEqual({ revoked: false, statusJson: null });
    }
  });

  it("answers in one statement what the separate reads say, for the owner and the co-parent", async () => {
    for (const parent of [demoPersonas.an, demoPersonas.binh]) {
      const dossier = (await findDossierFor(t.db, parent, code))!;
      const page = (await dossierPageFor(t.db, parent, code))!;
      expect(page.dossier).toEqual(dossier);
      expect(page.events).toEqual(
        // Of the event's data, the page gets only what its timeline shows.
        (await eventsOf(t.db, dossier.id)).map(({ id, kind, toStatus, actorKind, note, at, actorName, data, via }) => ({
          id,
          kind,
          toStatus,
          actorKind,
          note,
          at,
          actorName,
          data: pageEventData(data),
          via,
        })),
      );
      expect(page.events.map((e) => e.actorName)).toContain("Nguyễn Văn An");
      const access = await dataAccessFor(t.db, parent, dossier.id);
      expect(access.length).toBeGreaterThan(0);
      expect(page.access).toEqual(access.map(({ id, agency, dataset, purpose, at, dossierCode }) => ({ id, agency, dataset, purpose, at, dossierCode })));
      expect(page.matchCode).toMatch(/^\d{4}$/);
      expect(page.ownerName).toBe("Nguyễn Văn An");
      expect(page.ratingScore).toBeNull();
    }
  });

  it("folds the fee order and the other parent's window into the same statement, as their own reads say", async () => {
    const dossier = (await findDossierFor(t.db, demoPersonas.an, code))!;
    // No order yet: nothing; the window is open and unanswered.
    expect((await dossierPageFor(t.db, demoPersonas.an, code))!.payment).toBeUndefined();
    expect((await dossierPageFor(t.db, demoPersonas.an, code))!.parentReview).toEqual(await parentReviewOf(t.db, dossier));
    expect((await dossierPageFor(t.db, demoPersonas.an, code))!.parentReview).toMatchObject({ submitter: { id: demoPersonas.an }, others: [{ id: demoPersonas.binh }] });

    expect(await respondAsOtherParent(t.db, demoPersonas.binh, { dossierCode: code, answer: "object", reason: "Tên khác" }, { today: TODAY })).toEqual({ ok: true });
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    await t.db.insert(payments).values([
      { orderRef: "T-1", dossierId: dossier.id, citizenId: demoPersonas.an, amountVnd: 1000, status: "cancelled", expiresAt },
      { orderRef: "T-2", dossierId: dossier.id, citizenId: demoPersonas.an, amountVnd: 1000, status: "paid", receiptNo: "BL2026-0000001", paidAt: new Date("2026-11-23T03:00:00Z"), expiresAt },
    ]);
    const latest = (await latestPaymentOf(t.db, dossier.id))!;
    for (const parent of [demoPersonas.an, demoPersonas.binh]) {
      const page = (await dossierPageFor(t.db, parent, code))!;
      expect(page.payment).toEqual({ status: "paid", receiptNo: "BL2026-0000001", createdAt: latest.createdAt, paidAt: latest.paidAt });
      expect(page.parentReview).toEqual(await parentReviewOf(t.db, dossier));
      expect(page.parentReview?.response).toMatchObject({ answer: "objected", reason: "Tên khác", citizenId: demoPersonas.binh, name: "Trần Thị Bình", settledAt: null });
    }
  });

  it("reads the home page (name and dossiers, newest first) in one statement as the separate reads do", async () => {
    let withDossiers = 0;
    for (const id of Object.values(demoPersonas)) {
      const home = await homeFor(t.db, id);
      expect(home).toEqual({ fullName: (await findCitizen(t.db, id))!.fullName, dossiers: await listDossiersFor(t.db, id) });
      if (home.dossiers.length > 0) withDossiers++;
    }
    expect(withDossiers).toBeGreaterThan(1);
    expect(await homeFor(t.db, "048099999999")).toEqual({ fullName: undefined, dossiers: [] });
  });

  it("the page finds nothing for another citizen or an unknown code", async () => {
    expect(await dossierPageFor(t.db, demoPersonas.cuc, code)).toBeUndefined();
    expect(await dossierPageFor(t.db, demoPersonas.an, "HS-2000-999999")).toBeUndefined();
  });
  it("tells a signed-out session apart, in the same statement", async () => {
    await revokeSession(t.db, SID);
    expect(await dossierStatusFor(t.db, { citizenId: demoPersonas.an, sid: SID }, code)).toMatchObject({ revoked: true });
    expect(await dossierStatusFor(t.db, { citizenId: demoPersonas.an, sid: randomUUID() }, code)).toMatchObject({ revoked: false });
  });
});
