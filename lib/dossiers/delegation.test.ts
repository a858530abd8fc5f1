import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld, seedWardHelpWorld, wardHelpPersonas } from "../gov/demo-world";
import { delegations, dossierEvents, dossiers } from "../db/schema";
import { scan } from "../engine/scan";
import { dossierPageFor, dossierStatusFor, findDossierFor, homeFor, listDossiersFor } from "../db/dossier-queries";
import { dossiersDelegatedTo, grantsGivenBy } from "../db/delegation-queries";
import { grantDelegation, revokeGrant } from "./delegation";
import { performCitizenAction } from "./citizen-actions";
import { declineDossier } from "./decline";
import { addDays } from "../dates";
import * as clock from "../clock";

const { mai, nam } = wardHelpPersonas;
const { an, cuc } = demoPersonas;

describe.each(await testDatabaseKinds())("delegation to a relative on $name", ({ open }) => {
  let t: TestDatabase;
  let vet: typeof dossiers.$inferSelect;
  let medical: typeof dossiers.$inferSelect;
  const today = clock.today();
  const until = addDays(today, 30);
  const act = (who: string, d: typeof dossiers.$inferSelect, kind: "confirm" | "amend" = "amend") =>
    performCitizenAction(t.db, who, kind, {
      dossierCode: d.code,
      version: d.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "digital" },
      consent: true,
    });
  const reload = async (d: typeof dossiers.$inferSelect) => (await t.db.select().from(dossiers).where(eq(dossiers.id, d.id)))[0]!;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, today);
    await seedWardHelpWorld(t.db, today);
    await scan(t.db, { today, origin: "http://localhost:3000" });
    const own = await t.db.select().from(dossiers).where(eq(dossiers.ownerId, mai));
    vet = own.find((d) => d.serviceCode === "veterinary-cert-renewal")!;
    medical = own.find((d) => d.serviceCode === "medical-licence-renewal")!;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it("refuses bad grants with a reason and writes nothing", async () => {
    const cases: [unknown, string][] = [
      [{ delegateId: mai, scope: `dossier:${vet.code}`, until }, "self"],
      [{ delegateId: "048000000099", scope: `dossier:${vet.code}`, until }, "unknownPerson"],
      // Võ Ngọc Hân is in the registry but has no VNeID sign-in.
      [{ delegateId: "048320000008", scope: `dossier:${vet.code}`, until }, "unknownPerson"],
      [{ delegateId: nam, scope: `dossier:${vet.code}`, until: today }, "pastDate"],
      [{ delegateId: nam, scope: `dossier:${vet.code}`, until: addDays(today, 91) }, "tooFar"],
      [{ delegateId: nam, scope: "dossier:HS-2026-999999", until }, "notYours"],
      [{ delegateId: "12", scope: `dossier:${vet.code}`, until }, "personalId"],
      [{ delegateId: nam, scope: "service:no-such-service", until }, "invalid"],
      [{ delegateId: nam, scope: `dossier:${vet.code}`, until: "31/12/2026" }, "invalid"],
    ];
    const [anBirth] = await listDossiersFor(t.db, an);
    cases.push([{ delegateId: nam, scope: `dossier:${anBirth!.code}`, until }, "notYours"]);
    for (const [input, error] of cases) expect(await grantDelegation(t.db, mai, input), JSON.stringify(input)).toEqual({ ok: false, error });
    expect(await t.db.select().from(delegations)).toEqual([]);
  });

  it("a dossier grant lets the relative read and act on that dossier only; the event names the relative", async () => {
    expect(await findDossierFor(t.db, nam, vet.code, { delegated: true })).toBeUndefined();
    const granted = await grantDelegation(t.db, mai, { delegateId: nam, scope: `dossier:${vet.code}`, until });
    expect(granted).toMatchObject({ ok: true });
    expect(await grantDelegation(t.db, mai, { delegateId: nam, scope: `dossier:${vet.code}`, until })).toEqual({ ok: false, error: "alreadyGranted" });

    // Visible in both accounts.
    expect(await grantsGivenBy(t.db, mai, clock.now())).toEqual([expect.objectContaining({ otherId: nam, otherName: "Phan Văn Nam", dossierCode: vet.code })]);
    expect((await dossiersDelegatedTo(t.db, nam, clock.now())).map((d) => d.code)).toEqual([vet.code]);

    const page = await dossierPageFor(t.db, nam, vet.code);
    expect(page?.dossier.role).toBe("delegate");
    expect(page?.access).toEqual([]);
    expect((await dossierStatusFor(t.db, { citizenId: nam, sid: randomUUID() }, vet.code)).statusJson).not.toBeNull();

    // Nothing else of Mai's: not her other dossier, not in Nam's own lists.
    expect(await dossierPageFor(t.db, nam, medical.code)).toBeUndefined();
    expect(await findDossierFor(t.db, nam, medical.code, { delegated: true })).toBeUndefined();
    expect((await dossierStatusFor(t.db, { citizenId: nam, sid: randomUUID() }, medical.code)).statusJson).toBeNull();
    expect(await act(nam, medical)).toEqual({ ok: false, error: "not_found" });
    expect((await homeFor(t.db, nam)).dossiers).toEqual([]);
    expect(await listDossiersFor(t.db, nam)).toEqual([]);
    // Only the two actions: no declining for the owner.
    expect(await declineDossier(t.db, nam, { dossierCode: vet.code, version: vet.version })).toEqual({ ok: false, error: "not_found" });

    const result = await act(nam, vet, "confirm");
    expect(result).toMatchObject({ ok: true, status: "submitted" });
    const [event] = await t.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, vet.id), eq(dossierEvents.toStatus, "submitted")));
    expect(event).toMatchObject({ actorKind: "citizen", actorId: nam, data: expect.objectContaining({ via: { channel: "delegate", onBehalfOf: mai } }) });
    const owner = await dossierPageFor(t.db, mai, vet.code);
    expect(owner?.events.at(-1)).toMatchObject({ actorName: "Phan Văn Nam", via: { channel: "delegate", onBehalfOf: mai } });
  });

  it("revocation takes effect on the next request; only the grantor may revoke", async () => {
    const [grant] = await grantsGivenBy(t.db, mai, clock.now());
    expect(await revokeGrant(t.db, nam, grant!.id)).toBe(false);
    expect(await revokeGrant(t.db, cuc, grant!.id)).toBe(false);
    expect(await revokeGrant(t.db, mai, "not-a-uuid")).toBe(false);
    expect(await revokeGrant(t.db, mai, grant!.id)).toBe(true);
    expect(await revokeGrant(t.db, mai, grant!.id)).toBe(false);
    expect(await dossierPageFor(t.db, nam, vet.code)).toBeUndefined();
    expect(await dossiersDelegatedTo(t.db, nam, clock.now())).toEqual([]);
    expect(await grantsGivenBy(t.db, mai, clock.now())).toEqual([]);
    // The record stays.
    expect(await t.db.select().from(delegations)).toEqual([expect.objectContaining({ grantorId: mai, delegateId: nam, revokedAt: expect.any(Date) })]);
  });

  it("a service grant covers the grantor's dossiers of that service until it ends, then nothing", async () => {
    expect(await grantDelegation(t.db, mai, { delegateId: nam, scope: "service:medical-licence-renewal", until: addDays(today, 7) })).toMatchObject({ ok: true });
    expect((await dossierPageFor(t.db, nam, medical.code))?.dossier.role).toBe("delegate");
    expect(await dossierPageFor(t.db, nam, vet.code)).toBeUndefined();
    expect(await act(nam, await reload(medical))).toMatchObject({ ok: true });
    vi.spyOn(clock, "now").mockReturnValue(new Date(`${addDays(today, 8)}T01:00:00Z`));
    expect(await dossierPageFor(t.db, nam, medical.code)).toBeUndefined();
    expect(await act(nam, await reload(medical))).toEqual({ ok: false, error: "not_found" });
    vi.restoreAllMocks();
  });

  it("two taps at once on Cho phép make one grant", async () => {
    const input = { delegateId: nam, scope: "service:tour-guide-card-renewal", until };
    const results = await Promise.all([grantDelegation(t.db, mai, input), grantDelegation(t.db, mai, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "alreadyGranted" }]);
    const granted = results.find((r) => r.ok) as { ok: true; id: string };
    expect(await revokeGrant(t.db, mai, granted.id)).toBe(true);
  });
});
