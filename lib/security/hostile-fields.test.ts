import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { randomUUID } from "node:crypto";

// Every field of every API body and import row, walked from the schemas themselves (a new field is
// covered without touching this file), gets arbitrary strings, numbers, nulls, booleans, arrays and
// objects. The answer is a 4xx naming that field, or an acceptance the schema agrees with: never a
// 500 or a thrown error. (hostile-input.test.ts throws whole hostile payloads at the same surfaces.)

const who = vi.hoisted(() => ({ citizen: undefined as string | undefined, staff: undefined as { username: string; fullName: string; agency: string; role: "officer" } | undefined }));
vi.mock("@/lib/auth/session", () => ({ currentCitizenId: async () => who.citizen, requireCitizen: async () => who.citizen }));
vi.mock("@/lib/auth/staff-session", () => ({ currentStaff: async () => who.staff, requireStaff: async () => who.staff }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string) => key,
  getLocale: async () => "vi",
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => {}, get: () => undefined }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/auth", () => ({ signIn: async () => "http://localhost:3000/", signOut: async () => {}, handlers: {} }));

process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { getDb } = await import("@/lib/db/client");
const { dossiers } = await import("@/lib/db/schema");
const { seedDemoWorld, demoPersonas } = await import("@/lib/gov/demo-world");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");
const { scan } = await import("@/lib/engine/scan");
const { getService, findService } = await import("@/lib/services/catalogue");
const { flatFields } = await import("@/lib/services/citizen-input");
const { birthNoticeSchema } = await import("@/lib/gov/births");
const { citizenActionBody } = await import("@/lib/dossiers/citizen-actions");
const { importDatasets } = await import("@/lib/gov/imports/registry");
const { datasetsForAgency } = await import("@/lib/gov/officer-datasets");
const { authorizeRequestSchema } = await import("@/lib/oidc/authorize-request");
const { POST: births } = await import("@/app/api/gov/births/route");
const { POST: v1Action } = await import("@/app/api/v1/dossiers/[code]/actions/route");
const { POST: officerUpload } = await import("@/app/officer/imports/upload/route");
const formRoutes = {
  "/vneid/token": (await import("@/app/vneid/token/route")).POST,
  "/vneid/login": (await import("@/app/vneid/login/route")).POST,
  "/staff/session": (await import("@/app/staff/session/route")).POST,
  "/login/vneid": (await import("@/app/login/vneid/route")).POST,
  "/logout": (await import("@/app/logout/route")).POST,
  "/locale": (await import("@/app/locale/route")).POST,
};
const clock = await import("@/lib/clock");

const RUNS = Number(process.env.FC_RUNS ?? 25);
const ORIGIN = "http://localhost:3000";

const hostileString = fc.oneof(
  fc.constantFrom("", " ", "yesterday", "2026-02-30", "31/02/2026", "\u0000", "\ud800", "' OR 1=1 --", "<script>", "null", "[]", "{}", "-1", "0", "1e309", "NaN", "048090000001", "x".repeat(5000)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
/** Any JSON value a field might be sent: what a careless or hostile client could put there. */
const hostileJson = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(hostileString, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(hostileString, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);
/** Tried on every field every run, whatever the random draw: the shapes that have broken schemas before. */
const always: unknown[] = ["yesterday", "", " ", "2026-02-30", "\ud800", "\u0000", "x".repeat(5000), null, 0, -1, 1.5, true, [], {}, ["a"], { a: 1 }];
const examples = always.map((v) => [v] as [unknown]);
const cellExamples = always.map((v) => [typeof v === "string" ? v : JSON.stringify(v)] as [string]);

/** What a CSV cell can hold: text, including the text of numbers, nulls, arrays and objects. */
const hostileCell = fc.oneof(hostileString, hostileJson.map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))));

const post = (url: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`${ORIGIN}${url}`, { method: "POST", body, headers: { origin: ORIGIN, host: "localhost:3000", ...headers } });

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

const today = clock.today();

describe("every field of every API body and import row, with hostile values", () => {
  beforeAll(async () => {
    const db = await getDb();
    await seedDemoWorld(db, today);
    await seedDemoAgencyKeys(db);
    await scan(db, { today, origin: ORIGIN });
  }, 300_000);

  it("births API: each field of the notice, any JSON value → accepted as the schema says, or 4xx naming it", async () => {
    const window = getService("birth-registration").trigger;
    const schema = birthNoticeSchema(today, window.kind === "event" ? window.windowDays : 60);
    const base = { certificateNo: "GCS-HOSTILE-1", hospital: "Bệnh viện Đà Nẵng", birthDate: today, sex: "female", motherId: demoPersonas.binh, fatherId: demoPersonas.an, weightGrams: 3000 };
    expect(schema.safeParse(base).success).toBe(true);
    // Stored first, so a valid variant of any other field is a 409 conflict: nothing changes.
    expect((await births(post("/api/gov/births", JSON.stringify(base), { authorization: "Bearer demo-hospital-key", "content-type": "application/json" }))).status).toBe(201);
    for (const field of Object.keys(schema.shape)) {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (value) => {
          const sent = JSON.parse(JSON.stringify({ ...base, [field]: value })) as Record<string, unknown>;
          const res = await births(post("/api/gov/births", JSON.stringify(sent), { authorization: "Bearer demo-hospital-key", "content-type": "application/json", "accept-language": "en" }));
          expect([200, 201, 400, 409, 413, 422], `${field}=${JSON.stringify(value)}`).toContain(res.status);
          const body = (await res.json()) as { fields?: Record<string, string> };
          if (res.status === 400) expect(Object.keys(body.fields ?? {}), `${field}=${JSON.stringify(value)}`).toContainEqual(expect.stringMatching(new RegExp(`^(${field}|fatherId)$`)));
          if (res.status < 300 || res.status === 409 || res.status === 422) expect(schema.safeParse(sent).success, `${field}=${JSON.stringify(value)}`).toBe(true);
        }),
        { numRuns: RUNS, examples },
      );
    }
  }, 600_000);

  it("v1 actions API: each body field, and each input field of every service a dossier exists for", async () => {
    const db = await getDb();
    const all = await db.select().from(dossiers);
    // A stale version: whatever passes validation meets a 409, so nothing is ever written.
    const base = { kind: "amend", version: 999, input: {} };
    // A fresh idempotency key each time, unless that is the field under test: a reused key is (rightly) a 422.
    const act = async (dossier: (typeof all)[number], sent: Record<string, unknown>) => {
      const body = { idempotencyKey: randomUUID(), ...sent };
      who.citizen = dossier.ownerId;
      const res = await v1Action(post(`/api/v1/dossiers/${dossier.code}/actions`, JSON.stringify(body), { "content-type": "application/json" }), { params: Promise.resolve({ code: dossier.code }) });
      return { status: res.status, body: (await res.json()) as { fields?: Record<string, string>; fieldErrors?: Record<string, string> } };
    };
    for (const field of Object.keys(citizenActionBody.shape)) {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (value) => {
          const { status, body } = await act(all[0]!, { ...base, [field]: value });
          expect([200, 400, 404, 409, 413, 422], `${field}=${JSON.stringify(value)}`).toContain(status);
          // Only a body the schema takes may succeed (e.g. the dossier's own version, by chance).
          if (status === 200) expect(citizenActionBody.safeParse(JSON.parse(JSON.stringify({ ...base, idempotencyKey: randomUUID(), [field]: value }))).success).toBe(true);
          if (status === 400) expect(Object.keys(body.fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`)), `${field}=${JSON.stringify(value)}`).toBe(true);
        }),
        { numRuns: RUNS, examples },
      );
    }
    const seen = new Set<string>();
    for (const dossier of all) {
      const service = findService(dossier.serviceCode);
      if (!service || seen.has(service.code)) continue;
      seen.add(service.code);
      // As the form asks them: a household-members field is one question per person in the registry.
      const fields = [...flatFields(service, dossier.prefilled).map((f) => f.key), ...(service.delivery.length ? ["delivery"] : [])];
      for (const field of fields) {
        await fc.assert(
          fc.asyncProperty(hostileJson, async (value) => {
            const { status, body } = await act(dossier, { ...base, version: dossier.version + 100, input: { [field]: value } });
            expect([400, 409, 413, 422], `${service.code}.${field}=${JSON.stringify(value)}`).toContain(status);
            if (status === 400) expect(body.fields, `${service.code}.${field}`).toHaveProperty([`input.${field}`]);
            if (status === 422) expect(body.fieldErrors, `${service.code}.${field}`).toHaveProperty([field]);
          }),
          { numRuns: RUNS, examples },
        );
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  }, 600_000);

  // A valid line per dataset; the test checks it is valid and has exactly the dataset's columns.
  const samples: Record<keyof typeof importDatasets, Record<string, string>> = {
    "poor-households": { household_head_id: demoPersonas.em, category: "poor", members: "4", commune: "Xã Hòa Vang", year: "2026" },
    "medical-licences": { number: "001/CCHN-BYT", holder_id: demoPersonas.cuc, expires_on: "15/06/2028", issuer: "Sở Y tế", scope: "", address: "", subject: "" },
    "tour-guide-cards": { number: "HDV-1", holder_id: demoPersonas.cuc, expires_on: "2028-06-15", issuer: "Sở Du lịch", scope: "", address: "", subject: "" },
    "veterinary-certs": { number: "TY-1", holder_id: demoPersonas.cuc, expires_on: "2028-06-15", issuer: "Chi cục Thú y", scope: "", address: "", subject: "" },
    "transport-badges": { number: "PH-1", holder_id: demoPersonas.dung, expires_on: "2028-06-15", issuer: "Sở Xây dựng", scope: "", address: "", subject: "43B-123.45" },
  };

  it("import rows: each column of every dataset, any cell text → parsed, or refused naming that column", () => {
    for (const [code, dataset] of Object.entries(importDatasets)) {
      const columns = [...dataset.requiredColumns, ...dataset.optionalColumns];
      const sample = samples[code as keyof typeof importDatasets];
      expect(Object.keys(sample).sort(), code).toEqual([...columns].sort());
      expect(dataset.row.safeParse(sample).success, code).toBe(true);
      for (const column of columns) {
        fc.assert(
          fc.property(hostileCell, (cell) => {
            // As run-import reads a cell: trimmed, NFC.
            const parsed = dataset.row.safeParse({ ...sample, [column]: cell.trim().normalize("NFC") });
            if (!parsed.success) expect(parsed.error.issues[0]!.path[0], `${code}.${column}=${JSON.stringify(cell)}`).toBe(column);
          }),
          { numRuns: RUNS * 4, examples: cellExamples },
        );
      }
    }
  });

  it("imports over HTTP: a hostile cell in any column is a rejected line naming the column, or lands; never a 500", async () => {
    const officers = Object.keys(importDatasets).map((code) => ["xahoi", "yte", "dulich", "thuy", "vantai"].find((a) => datasetsForAgency(a).includes(code as never))!);
    const cases = Object.entries(importDatasets).flatMap(([code, d], i) => [...d.requiredColumns, ...d.optionalColumns].map((column) => ({ code, column, officer: officers[i]! })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), hostileCell, async ({ code, column, officer }, cell) => {
        who.staff = { username: officer, fullName: officer, agency: officer, role: "officer" };
        const sample = samples[code as keyof typeof importDatasets];
        const header = Object.keys(sample);
        const line = header.map((c) => csvCell(c === column ? cell : sample[c]!)).join(",");
        const res = await officerUpload(post(`/officer/imports/upload?dataset=${code}`, `${header.join(",")}\n${line}\n`, { "content-type": "text/csv", "accept-language": "en" }));
        expect([200, 400], `${code}.${column}=${JSON.stringify(cell)}`).toContain(res.status);
        const body = (await res.json()) as { rejected?: number; errors?: { reason: string }[]; error?: string };
        // 400 only for a file-level problem a cell can cause: bytes that are not UTF-8 text (a lone surrogate, NUL).
        if (res.status === 400) expect(body.error).toBe("invalid_encoding");
        else if (body.rejected) expect(body.errors![0]!.reason, `${code}.${column}=${JSON.stringify(cell)}`).toMatch(new RegExp(`^(${column}: |The line has)`));
      }),
      { numRuns: RUNS * 4 },
    );
  }, 600_000);

  it("form routes: each field, any text → an answer below 500", async () => {
    const fields: Record<keyof typeof formRoutes, string[]> = {
      "/vneid/token": ["grant_type", "code", "code_verifier", "redirect_uri", "client_id", "client_secret"],
      "/vneid/login": [...Object.keys(authorizeRequestSchema.shape), "personal_id", "passcode"],
      "/staff/session": ["username", "password", "callbackUrl"],
      "/login/vneid": ["callbackUrl"],
      "/logout": ["next"],
      "/locale": ["locale", "next"],
    };
    for (const [path, route] of Object.entries(formRoutes)) {
      for (const field of fields[path as keyof typeof formRoutes]) {
        await fc.assert(
          fc.asyncProperty(hostileCell, async (value) => {
            const res = await route(post(path, new URLSearchParams({ [field]: value }), {}));
            expect(res.status, `${path} ${field}=${JSON.stringify(value)}`).toBeLessThan(500);
          }),
          { numRuns: RUNS, examples: cellExamples },
        );
      }
    }
  }, 600_000);
});
