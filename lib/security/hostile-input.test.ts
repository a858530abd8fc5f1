import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";

// Random and hostile payloads to every action and API: always a 4xx or a field error, never a 500 or
// a thrown error, never a changed row.

const who = vi.hoisted(() => ({ citizen: undefined as string | undefined, staff: undefined as { username: string; fullName: string; agency: string; role: "officer" } | undefined }));
class Redirect extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
vi.mock("@/lib/auth/session", () => ({ currentCitizenId: async () => who.citizen, requireCitizen: async () => who.citizen }));
vi.mock("@/lib/auth/staff-session", () => ({ currentStaff: async () => who.staff, requireStaff: async () => who.staff }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirect(to);
  },
  notFound: () => {
    throw new Redirect("not-found");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { saveDossier, rateService, declineService } = await import("@/app/(citizen)/dossiers/[code]/actions");
const { POST: officerUpload } = await import("@/app/officer/imports/upload/route");
const { actOnDossier } = await import("@/app/officer/dossiers/[code]/actions");
const { POST: v1Action } = await import("@/app/api/v1/dossiers/[code]/actions/route");
const { POST: births } = await import("@/app/api/gov/births/route");
const { POST: imports } = await import("@/app/api/gov/imports/[dataset]/route");
const { POST: token } = await import("@/app/vneid/token/route");
const { POST: userinfo } = await import("@/app/vneid/userinfo/route");
const { POST: engineScan } = await import("@/app/api/engine/scan/route");
const { GET: devSms } = await import("@/app/api/dev/sms/route");
const { getDb } = await import("@/lib/db/client");
const { dossiers } = await import("@/lib/db/schema");
const { seedDemoWorld, demoPersonas } = await import("@/lib/gov/demo-world");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");
const { scan } = await import("@/lib/engine/scan");
const { citizenActionRequest, performCitizenAction } = await import("@/lib/dossiers/citizen-actions");
const { performOfficerAction } = await import("@/lib/dossiers/officer-actions");
const { rateDossier } = await import("@/lib/dossiers/ratings");
const { receiveBirthNotice } = await import("@/lib/gov/births");
const { getService } = await import("@/lib/services/catalogue");

const RUNS = Number(process.env.FC_RUNS ?? 40);

const fragments = [
  "' OR '1'='1' --",
  "'; DROP TABLE dossiers; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "\u0000",
  "\ud800",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "👨‍👩‍👧‍👦",
  "Nguyễn\u0301\u0301\u0301",
  "HS-2026-000001",
  "048090000001",
  "null",
  "[]",
  "{}",
  "-1",
  "1e309",
  "NaN",
  " ",
];
const hostileString = fc.oneof(
  fc.constantFrom(...fragments),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("x".repeat(5000), "Đ".repeat(100_000), "<".repeat(20_000)),
);
const hostileValue = fc.oneof(hostileString, fc.anything({ maxDepth: 2 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const hostileRecord = fc.dictionary(hostileString, hostileValue, { maxKeys: 6 });

async function worldState(): Promise<string> {
  const rows = await (await getDb()).execute(sql`SELECT
    (SELECT json_agg(d ORDER BY d.code) FROM (SELECT code, status, version, citizen_data, result FROM dossiers) d) AS dossiers,
    (SELECT count(*) FROM dossier_events) AS events, (SELECT count(*) FROM ratings) AS ratings,
    (SELECT count(*) FROM sms_outbox) AS sms, (SELECT count(*) FROM birth_notices) AS births,
    (SELECT count(*) FROM social_protection_list) AS households, (SELECT count(*) FROM licences) AS licences,
    (SELECT count(*) FROM idempotency_keys) AS idempotency`);
  return JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
}

/** A response below 500, or a redirect / returned state from an action: never a thrown error. */
async function settle(call: () => Promise<unknown>): Promise<number | string> {
  try {
    const r = await call();
    if (r instanceof Response) return r.status;
    return "returned";
  } catch (e) {
    if (e instanceof Redirect) return "redirect";
    throw e;
  }
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${url}`, { method: "POST", body, headers: { origin: "http://localhost:3000", host: "localhost:3000", ...headers } });

let medical: { code: string; version: number };
let before = "";

describe("hostile input never causes a 500 or a change", () => {
  beforeAll(async () => {
    const db = await getDb();
    const today = new Date().toISOString().slice(0, 10);
    await seedDemoWorld(db, today);
    await seedDemoAgencyKeys(db);
    await scan(db, { today, origin: "http://localhost:3000" });
    // One submitted dossier, so officer actions have something to (not) act on.
    const [badge] = await db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    await performCitizenAction(db, demoPersonas.dung, "confirm", { dossierCode: badge!.code, version: badge!.version, idempotencyKey: randomUUID(), input: { delivery: "centre" }, consent: true });
    medical = (await db.select().from(dossiers).where(eq(dossiers.serviceCode, "medical-licence-renewal")))[0]!;
    before = await worldState();
  });

  it("citizen confirm/amend (lib): any request shape, hostile field values", async () => {
    const db = await getDb();
    await fc.assert(
      // An empty choice is a legitimate amend (it clears the field): every other value is hostile.
      fc.asyncProperty(hostileValue, hostileRecord, hostileString.filter((s) => s.trim() !== ""), fc.boolean(), fc.constantFrom("confirm" as const, "amend" as const), async (raw, fields, delivery, consent, kind) => {
        // Any shape: it must parse to an error, not throw.
        expect(() => citizenActionRequest.safeParse(raw)).not.toThrow();
        // A real dossier with hostile values, and a delivery choice that is never valid: refused.
        const req = citizenActionRequest.parse({ dossierCode: medical.code, version: medical.version, idempotencyKey: randomUUID(), input: { ...fields, delivery }, consent });
        const r = await performCitizenAction(db, demoPersonas.cuc, kind, req);
        expect(r.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(await worldState()).toBe(before);
  });

  it("officer actions, ratings and birth notices (lib): any input", async () => {
    const db = await getDb();
    const officer = { username: "vantai", agency: getService("transport-badge-renewal").agency.code };
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileRecord, async (raw, record) => {
        for (const input of [raw, record, { ...record, dossierCode: medical.code }, { dossierCode: medical.code, version: raw, action: raw, note: raw }]) {
          expect((await performOfficerAction(db, officer, input, { origin: "http://localhost:3000" })).ok).toBe(false);
          expect((await rateDossier(db, demoPersonas.cuc, input)).ok).toBe(false);
          expect((await receiveBirthNotice(db, input, { origin: "http://localhost:3000" })).kind).toBe("invalid");
        }
      }),
      { numRuns: RUNS },
    );
    expect(await worldState()).toBe(before);
  });

  it("server actions: hostile form data from a signed-in citizen and officer", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.oneof(fc.constantFrom("dossierCode", "version", "idempotencyKey", "intent", "consent", "note", "field.delivery", "field.practiceAddress", "score", "action", "comment"), hostileString), hostileString), { maxLength: 10 }), async (entries) => {
        const form = new FormData();
        for (const [k, v] of entries) form.append(k, v);
        if (!form.has("field.delivery")) form.set("field.delivery", "pigeon");
        who.citizen = demoPersonas.cuc;
        who.staff = undefined;
        // Cúc's licence renewal may be declined: a hostile form must not do it by chance (its version never matches).
        if (form.get("dossierCode") === medical.code) form.set("version", "999");
        for (const call of [() => saveDossier({ status: "idle" }, form), () => rateService(form), () => declineService(form)]) {
          expect(["returned", "redirect"]).toContain(await settle(call));
        }
        who.citizen = undefined;
        who.staff = { username: "yte", fullName: "yte", agency: getService("medical-licence-renewal").agency.code, role: "officer" };
        if (form.get("action") === "receive" && form.get("dossierCode") === medical.code) form.set("action", "bogus");
        expect(["returned", "redirect"]).toContain(await settle(() => actOnDossier(form)));
      }),
      { numRuns: RUNS },
    );
    expect(await worldState()).toBe(before);
  });

  it("HTTP routes: hostile bodies, headers and parameters get a 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileValue, hostileString, async (text, value, param) => {
        const json = JSON.stringify(value) ?? "null";
        who.citizen = demoPersonas.cuc;
        const statuses = [
          await settle(() => births(post("/api/gov/births", text, { authorization: "Bearer demo-hospital-key", "content-type": "application/json" }))),
          await settle(() => births(post("/api/gov/births", json, { authorization: "Bearer demo-hospital-key", "content-type": "application/json" }))),
          await settle(() => imports(post(`/api/gov/imports/x`, text, { authorization: "Bearer demo-social-key", "content-type": "text/csv" }), { params: Promise.resolve({ dataset: param }) })),
          await settle(() => imports(post("/api/gov/imports/poor-households", `head_id,category\n${text}`, { authorization: "Bearer demo-social-key", "content-type": "text/csv" }), { params: Promise.resolve({ dataset: "poor-households" }) })),
          await settle(() => v1Action(post(`/api/v1/dossiers/${medical.code}/actions`, json, { "content-type": "application/json" }), { params: Promise.resolve({ code: medical.code }) })),
          await settle(() => v1Action(post(`/api/v1/dossiers/x/actions`, JSON.stringify({ kind: "confirm", version: 1, idempotencyKey: randomUUID(), input: { delivery: text } }), { "content-type": "application/json" }), { params: Promise.resolve({ code: param }) })),
          await settle(() => token(post("/vneid/token", text, { "content-type": "application/x-www-form-urlencoded" }))),
          await settle(() => token(post("/vneid/token", new URLSearchParams({ grant_type: "authorization_code", code: param, code_verifier: text, redirect_uri: text }), { authorization: `Basic ${Buffer.from(`${param}:${text}`).toString("base64")}` }))),
          await settle(() => userinfo(post("/vneid/userinfo", text, { authorization: `Bearer ${param.replace(/[^\x21-\x7e]/g, "")}` }))),
          await settle(() => engineScan(post("/api/engine/scan", text, { authorization: `Bearer ${param.replace(/[^\x21-\x7e]/g, "")}` }))),
          await settle(() => devSms(new Request(`http://localhost:3000/api/dev/sms?${new URLSearchParams({ phone: text })}`))),
          await settle(() => {
            who.citizen = undefined;
            who.staff = { username: "xahoi", fullName: "xahoi", agency: getService("poor-household-support").agency.code, role: "officer" };
            return officerUpload(post(`/officer/imports/upload?${new URLSearchParams({ dataset: param })}`, text, { "content-type": "text/csv" }));
          }),
        ];
        for (const s of statuses) {
          expect(typeof s === "number" ? s : 0).toBeGreaterThanOrEqual(200);
          expect(typeof s === "number" ? s : 0).toBeLessThan(500);
        }
        // None of these payloads is a valid write.
        for (const s of statuses.slice(0, 8)) expect(s).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
    expect(await worldState()).toBe(before);
  }, 120_000);
});
