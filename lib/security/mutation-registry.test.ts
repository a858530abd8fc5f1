import { beforeAll, describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { mutationRegistry, type RouteEntry, type ServerActionEntry } from "./mutation-registry";
import { isCsrfExempt } from "./csrf";

// ---- The registry is complete: every "use server" export and every mutating route has an entry ----

const ROOT = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return filesUnder(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"];

function exportedNames(source: string): string[] {
  const names = [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g), ...source.matchAll(/export\s+const\s+(\w+)\s*[:=]/g)].map((m) => m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) names.push(...m[1]!.split(",").map((n) => n.trim().split(/\s*:\s*/).pop()!).filter(Boolean));
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) names.push(...m[1]!.split(",").map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean));
  return [...new Set(names)];
}

describe("the mutation registry covers every server action and mutating route in app/", () => {
  const files = [...filesUnder("app"), ...filesUnder("components")];

  it("lists every file with a \"use server\" directive, with exactly its exports", () => {
    const found = files.filter((f) => /^\s*["']use server["']/m.test(readFileSync(path.join(ROOT, f), "utf8")));
    const listed = mutationRegistry.filter((e): e is ServerActionEntry => e.kind === "server-action");
    expect(found.sort()).toEqual(listed.map((e) => e.file).sort());
    for (const entry of listed) {
      const exports = exportedNames(readFileSync(path.join(ROOT, entry.file), "utf8")).filter((n) => n !== "dynamic");
      expect(exports.sort(), entry.file).toEqual([...entry.exports].sort());
    }
  });

  it("lists every route handler that accepts POST, PUT, PATCH or DELETE, with exactly those methods", () => {
    const found = new Map<string, string[]>();
    for (const f of files.filter((f) => /\/route\.tsx?$/.test(f))) {
      const methods = exportedNames(readFileSync(path.join(ROOT, f), "utf8")).filter((n) => MUTATING.includes(n));
      if (methods.length > 0) found.set(f, methods.sort());
    }
    const listed = mutationRegistry.filter((e): e is RouteEntry => e.kind === "route");
    expect([...found.keys()].sort()).toEqual(listed.map((e) => e.file).sort());
    for (const entry of listed) expect(found.get(entry.file), entry.file).toEqual([...entry.methods].sort());
  });

  it("leaves no mutating route outside the proxy's matcher (where the Origin check runs)", async () => {
    const { config } = await import("@/proxy");
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const f of files.filter((f) => /\/route\.tsx?$/.test(f))) {
      const urlPath = f.replace(/^app/, "").replace(/\/route\.tsx?$/, "").replace(/\/\([^)]*\)/g, "").replace(/\[\.\.\.[^\]]+\]/g, "x/y").replace(/\[[^\]]+\]/g, "x") || "/";
      const methods = exportedNames(readFileSync(path.join(ROOT, f), "utf8")).filter((n) => MUTATING.includes(n));
      if (!matcher.test(urlPath)) expect(methods, `${urlPath} is outside the proxy`).toEqual([]);
    }
    for (const entry of mutationRegistry) if (entry.kind === "route") expect(matcher.test(entry.path), entry.path).toBe(true);
  });

  it("agrees with the proxy's CSRF exemptions: only bearer-token and Auth.js routes skip the Origin check", () => {
    for (const entry of mutationRegistry) {
      if (entry.kind === "server-action") continue;
      expect(isCsrfExempt(entry.path), entry.path).toBe(entry.csrf !== "origin-checked");
      if (entry.csrf === "exempt-bearer") expect(["agency-key", "engine-token", "oidc-client", "access-token"]).toContain(entry.guard);
      if (entry.csrf === "exempt-signed") expect(entry.guard).toBe("gateway-signature");
    }
  });
});

// ---- Each guarded action refuses the wrong caller and changes nothing ----

const who = vi.hoisted(() => ({
  citizen: undefined as string | undefined,
  staff: undefined as { username: string; fullName: string; agency: string; role: "officer" | "ioc" } | undefined,
}));
class Redirect extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
vi.mock("@/lib/auth/session", () => ({
  currentCitizenId: async () => who.citizen,
  requireCitizen: async () => who.citizen,
}));
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
const { saveDossier, rateService, declineService, answerAsParent } = await import("@/app/(citizen)/dossiers/[code]/actions");
const { POST: officerUpload } = await import("@/app/officer/imports/upload/route");
const { actOnDossier, settleParents, resolveOneStopConflict } = await import("@/app/officer/dossiers/[code]/actions");
const { reassign } = await import("@/app/officer/actions");
const { POST: onestopStatus } = await import("@/app/api/gov/onestop/status/route");
const { POST: v1Action } = await import("@/app/api/v1/dossiers/[code]/actions/route");
const { grantToRelative, revokeFromRelative } = await import("@/app/(citizen)/account/actions");
const { sendAssistCode, checkAssistCode } = await import("@/app/officer/assist/actions");
const { saveAssisted } = await import("@/app/officer/assist/[id]/[code]/actions");
const { POST: engineScan } = await import("@/app/api/engine/scan/route");
const { POST: births } = await import("@/app/api/gov/births/route");
const { POST: smsInbound } = await import("@/app/api/sms/inbound/route");
const { POST: imports } = await import("@/app/api/gov/imports/[dataset]/route");
const { POST: token } = await import("@/app/vneid/token/route");
const { POST: userinfo } = await import("@/app/vneid/userinfo/route");
const { submitDraft, decide } = await import("@/app/officer/services/actions");
const { getDb } = await import("@/lib/db/client");
const { dossiers, delegations, assistCodes } = await import("@/lib/db/schema");
const { seedDemoWorld, seedDemoBacklog, demoPersonas, BACKLOG_COMMUNE } = await import("@/lib/gov/demo-world");
const { dossierEvents, onestopStatusUpdates } = await import("@/lib/db/schema");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");
const { scan } = await import("@/lib/engine/scan");
const { performCitizenAction } = await import("@/lib/dossiers/citizen-actions");
const { performOfficerAction } = await import("@/lib/dossiers/officer-actions");
const { respondAsOtherParent } = await import("@/lib/dossiers/objections");
const { receiveBirthNotice } = await import("@/lib/gov/births");
let twin: typeof dossiers.$inferSelect | undefined;
const { getService } = await import("@/lib/services/catalogue");
const agencyOf = (service: string) => getService(service).agency.code;

/** Everything a mutation could touch, as one comparable value. */
async function worldState(): Promise<string> {
  const db = await getDb();
  const rows = await db.execute(sql`SELECT
    (SELECT json_agg(d ORDER BY d.code) FROM (SELECT code, status, version, citizen_data, result FROM dossiers) d) AS dossiers,
    (SELECT count(*) FROM dossier_events) AS events,
    (SELECT count(*) FROM ratings) AS ratings,
    (SELECT count(*) FROM sms_outbox) AS sms,
    (SELECT count(*) FROM birth_notices) AS births,
    (SELECT count(*) FROM social_protection_list) AS households,
    (SELECT count(*) FROM idempotency_keys) AS idempotency,
    (SELECT json_agg(r ORDER BY r.submission_event_id) FROM (SELECT submission_event_id, answer, settled_by FROM parent_responses) r) AS parents`);
  return JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
}

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    const r = await call();
    return r instanceof Response ? `status ${r.status}` : JSON.stringify(r);
  } catch (e) {
    if (e instanceof Redirect) return `redirect ${e.to}`;
    throw e;
  }
}

const code = async (service: string) => (await (await getDb()).select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;
const citizen = (id?: string) => ((who.citizen = id), (who.staff = undefined));
const officer = (username: string, agency: string, role: "officer" | "ioc" = "officer") => ((who.citizen = undefined), (who.staff = { username, fullName: username, agency, role }));
const nobody = () => ((who.citizen = undefined), (who.staff = undefined));

function confirmForm(d: { code: string; version: number }) {
  const form = new FormData();
  form.set("dossierCode", d.code);
  form.set("version", String(d.version));
  form.set("idempotencyKey", randomUUID());
  form.set("intent", "confirm");
  form.set("consent", "yes");
  form.set("field.delivery", "digital");
  return form;
}

describe("every guarded mutation refuses the wrong caller, and nothing changes", () => {
  beforeAll(async () => {
    const db = await getDb();
    const today = new Date().toISOString().slice(0, 10);
    await seedDemoWorld(db, today);
    await seedDemoAgencyKeys(db);
    await scan(db, { today, origin: "http://localhost:3000" });
    // An's birth registration goes all the way to delivered, so it can be rated.
    const birth = await code("birth-registration");
    await performCitizenAction(db, demoPersonas.an, "confirm", {
      dossierCode: birth.code,
      version: birth.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" },
      consent: true,
    });
    expect(await respondAsOtherParent(db, demoPersonas.binh, { dossierCode: birth.code, answer: "agree" })).toEqual({ ok: true });
    for (const action of ["receive", "approve", "deliver"]) {
      const d = await code("birth-registration");
      const hotich = { username: "hotich", agency: agencyOf("birth-registration") };
      expect(await performOfficerAction(db, hotich, { dossierCode: d.code, version: d.version, action }, { origin: "http://localhost:3000" })).toMatchObject({ ok: true });
    }
  });

  it("saveDossier (citizen-party): no session, another citizen, a staff session", async () => {
    const before = await worldState();
    const medical = await code("medical-licence-renewal");
    const attempts = {
      none: () => (nobody(), saveDossier({ status: "idle" }, confirmForm(medical))),
      otherCitizen: () => (citizen(demoPersonas.giang), saveDossier({ status: "idle" }, confirmForm(medical))),
      staff: () => (officer("yte", agencyOf("medical-licence-renewal")), saveDossier({ status: "idle" }, confirmForm(medical))),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect(await outcome(attempt), name).toMatch(/^redirect \/(login|dossiers\/HS-\d{4}-\d{6})$/);
    }
    expect(await worldState()).toBe(before);
    citizen(demoPersonas.cuc);
    expect(await outcome(() => saveDossier({ status: "idle" }, confirmForm(medical)))).toMatch(/submitted=1/);
    expect((await code("medical-licence-renewal")).status).toBe("submitted");
  });

  it("grantToRelative, revokeFromRelative (citizen-own-grants): no session, someone else's dossier, someone else's grant", async () => {
    const db = await getDb();
    const birth = await code("birth-registration");
    const grant = new FormData();
    grant.set("delegateId", demoPersonas.giang);
    grant.set("scope", `dossier:${birth.code}`);
    grant.set("days", "7");
    const revoke = new FormData();
    revoke.set("grantId", randomUUID());
    const before = await worldState();
    nobody();
    expect(await outcome(() => grantToRelative(grant))).toMatch(/^redirect \/login/);
    expect(await outcome(() => revokeFromRelative(revoke))).toMatch(/^redirect \/login/);
    citizen(demoPersonas.cuc);
    expect(await outcome(() => grantToRelative(grant))).toBe("redirect /account?delegation=notYours#uy-quyen");
    expect(await outcome(() => revokeFromRelative(revoke))).toBe("redirect /account?delegation=revokeFailed#uy-quyen");
    officer("hotich", agencyOf("birth-registration"));
    expect(await outcome(() => grantToRelative(grant))).toMatch(/^redirect \/login/);
    expect(await db.$count(delegations)).toBe(0);
    expect(await worldState()).toBe(before);
  });

  it("sendAssistCode, checkAssistCode, saveAssisted (ward-officer-code): no session, a citizen, an officer with no commune, no verified code", async () => {
    const db = await getDb();
    const medical = await code("medical-licence-renewal");
    const start = new FormData();
    start.set("personalId", demoPersonas.giang);
    const check = new FormData();
    check.set("assistId", randomUUID());
    check.set("code", "123456");
    const save = confirmForm(medical);
    save.set("assistId", randomUUID());
    const before = await worldState();
    for (const who of [nobody, () => citizen(demoPersonas.cuc), () => officer("yte", agencyOf("medical-licence-renewal"))]) {
      who();
      for (const call of [() => sendAssistCode(start), () => checkAssistCode(check), () => saveAssisted(save)]) expect(await outcome(call)).toBe("redirect not-found");
    }
    // A ward officer, but with no code the citizen read out: nothing opens, nothing changes.
    who.citizen = undefined;
    who.staff = { username: "motcua", fullName: "Lê Thị Hòa", agency: "motcua", role: "officer", commune: "Xã Hòa Vang" } as typeof who.staff;
    expect(await outcome(() => checkAssistCode(check))).toMatch(/\?code=expired$/);
    expect(await outcome(() => saveAssisted(save))).toMatch(/\?code=expired$/);
    expect(await db.$count(assistCodes)).toBe(0);
    expect(await worldState()).toBe(before);
  });

  it("rateService (citizen-party): no session, a citizen who is not a party", async () => {
    const birth = await code("birth-registration");
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", birth.code);
      f.set("score", "5");
      return f;
    };
    const before = await worldState();
    nobody();
    expect(await outcome(() => rateService(form()))).toBe("redirect /login");
    citizen(demoPersonas.cuc);
    expect(await outcome(() => rateService(form()))).toMatch(/rating=invalid/);
    expect(await worldState()).toBe(before);
    citizen(demoPersonas.binh); // the mother is a party: the control
    expect(await outcome(() => rateService(form()))).not.toMatch(/invalid/);
    expect(await worldState()).not.toBe(before);
  });

  it("declineService (citizen-party): no session, another citizen", async () => {
    const school = await code("school-enrollment");
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", school.code);
      f.set("version", String(school.version));
      return f;
    };
    const before = await worldState();
    nobody();
    expect(await outcome(() => declineService(form()))).toBe("redirect /login");
    citizen(demoPersonas.cuc);
    expect(await outcome(() => declineService(form()))).toMatch(/decline=failed/);
    officer("giaoduc", agencyOf("school-enrollment"));
    expect(await outcome(() => declineService(form()))).toBe("redirect /login");
    expect(await worldState()).toBe(before);
    citizen(demoPersonas.giang); // the owner: the control
    expect(await outcome(() => declineService(form()))).not.toMatch(/failed/);
    expect((await code("school-enrollment")).status).toBe("declined");
  });

  it("POST /officer/imports/upload (officer-agency): no session, a citizen, an officer without that dataset", async () => {
    const csv = "household_head_id,category,members,commune\n048175000005,poor,4,Xã Hòa Vang\n";
    const call = () =>
      officerUpload(
        new Request("http://localhost:3000/officer/imports/upload?dataset=poor-households", {
          method: "POST",
          headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "text/csv" },
          body: csv,
        }),
      );
    const before = await worldState();
    nobody();
    expect(await outcome(call)).toBe("status 401");
    citizen(demoPersonas.em);
    expect(await outcome(call)).toBe("status 401");
    officer("yte", agencyOf("medical-licence-renewal"));
    expect(await outcome(call)).toBe("status 403");
    expect(await worldState()).toBe(before);
  });

  it("actOnDossier (officer-agency): no session, a citizen, another agency's officer, operations staff", async () => {
    const medical = await code("medical-licence-renewal");
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", medical.code);
      f.set("version", String(medical.version));
      f.set("action", "receive");
      return f;
    };
    const before = await worldState();
    const attempts = {
      none: () => (nobody(), actOnDossier(form())),
      citizen: () => (citizen(demoPersonas.cuc), actOnDossier(form())),
      otherAgency: () => (officer("hotich", agencyOf("birth-registration")), actOnDossier(form())),
      ioc: () => (officer("ioc", "ioc", "ioc"), actOnDossier(form())),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(await outcome(attempt), name).toMatch(/^redirect \/(staff\/login|officer)$/);
    expect(await worldState()).toBe(before);
    officer("yte", agencyOf("medical-licence-renewal"));
    expect(await outcome(() => actOnDossier(form()))).toMatch(/done=1/);
  });

  it("answerAsParent (citizen-party, the other parent only): no session, another citizen, the parent who submitted, a staff session", async () => {
    // A second child of An and Bình: An names and confirms, so Bình is the parent who may answer.
    const db = await getDb();
    const notice = { certificateNo: "GCS-GUARD-2", hospital: "Bệnh viện Đà Nẵng", birthDate: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()), sex: "female", motherId: demoPersonas.binh, fatherId: demoPersonas.an };
    const received = await receiveBirthNotice(db, notice, { origin: "http://localhost:3000" });
    twin = (await db.select().from(dossiers).where(eq(dossiers.code, (received as { dossierCode: string }).dossierCode)))[0]!;
    await performCitizenAction(db, demoPersonas.an, "confirm", {
      dossierCode: twin.code,
      version: twin.version,
      idempotencyKey: randomUUID(),
      input: { childName: "Nguyễn Minh Anh", hometown: "father", delivery: "post" },
      consent: true,
    });
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", twin!.code);
      f.set("answer", "object");
      f.set("reason", "Chưa thống nhất tên");
      return f;
    };
    const before = await worldState();
    nobody();
    expect(await outcome(() => answerAsParent(form()))).toBe("redirect /login");
    citizen(demoPersonas.cuc);
    expect(await outcome(() => answerAsParent(form()))).toMatch(/parent=failed/);
    citizen(demoPersonas.an);
    expect(await outcome(() => answerAsParent(form()))).toMatch(/parent=failed/);
    officer("hotich", agencyOf("birth-registration"));
    expect(await outcome(() => answerAsParent(form()))).toBe("redirect /login");
    expect(await worldState()).toBe(before);
    citizen(demoPersonas.binh); // the other parent: the control
    expect(await outcome(() => answerAsParent(form()))).toMatch(/parent=sent/);
    expect(await worldState()).not.toBe(before);
  });

  it("settleParents (officer-agency): no session, a citizen, another agency's officer, operations staff", async () => {
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", twin!.code);
      f.set("settlement", "Đã trao đổi với cả hai cha mẹ");
      return f;
    };
    const before = await worldState();
    const attempts = {
      none: () => (nobody(), settleParents(form())),
      citizen: () => (citizen(demoPersonas.binh), settleParents(form())),
      otherAgency: () => (officer("yte", agencyOf("medical-licence-renewal")), settleParents(form())),
      ioc: () => (officer("ioc", "ioc", "ioc"), settleParents(form())),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(await outcome(attempt), name).toMatch(/^redirect \/(staff\/login|officer)$/);
    expect(await worldState()).toBe(before);
    officer("hotich", agencyOf("birth-registration"));
    expect(await outcome(() => settleParents(form()))).toMatch(/done=1/);
    expect(await worldState()).not.toBe(before);
  });

  it("POST /api/v1/dossiers/{code}/actions (citizen-party): no session, another citizen", async () => {
    const badge = await code("transport-badge-renewal");
    const call = () =>
      v1Action(
        new Request(`http://localhost:3000/api/v1/dossiers/${badge.code}/actions`, {
          method: "POST",
          headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
          body: JSON.stringify({ kind: "confirm", version: badge.version, idempotencyKey: randomUUID(), input: { delivery: "centre" }, consent: true }),
        }),
        { params: Promise.resolve({ code: badge.code }) },
      );
    const before = await worldState();
    nobody();
    expect(await outcome(call)).toBe("status 401");
    citizen(demoPersonas.an);
    expect(await outcome(call)).toBe("status 404");
    officer("vantai", agencyOf("transport-badge-renewal"));
    expect(await outcome(call)).toBe("status 401");
    expect(await worldState()).toBe(before);
  });

  it("machine routes refuse a missing or wrong credential", async () => {
    const before = await worldState();
    nobody();
    const post = (url: string, headers: Record<string, string> = {}, body = "{}") => new Request(`http://localhost:3000${url}`, { method: "POST", headers, body });
    expect((await engineScan(post("/api/engine/scan"))).status).toBe(401);
    expect((await engineScan(post("/api/engine/scan", { authorization: "Bearer chu-dong-demo-engine-tokeX" }))).status).toBe(401);
    expect((await births(post("/api/gov/births"))).status).toBe(401);
    expect((await births(post("/api/gov/births", { authorization: "Bearer demo-social-key" }))).status).toBe(403);
    expect((await onestopStatus(post("/api/gov/onestop/status"))).status).toBe(401);
    expect((await onestopStatus(post("/api/gov/onestop/status", { authorization: "Bearer demo-hospital-key" }))).status).toBe(403);
    expect((await imports(post("/api/gov/imports/poor-households", { authorization: "Bearer demo-hospital-key" }, "a,b"), { params: Promise.resolve({ dataset: "poor-households" }) })).status).toBe(403);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect((await token(post("/vneid/token", form, "grant_type=authorization_code&code=x&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fcallback%2Fvneid&code_verifier=" + "a".repeat(43)))).status).toBe(401);
    expect((await userinfo(post("/vneid/userinfo", { authorization: "Bearer not-a-token" }))).status).toBe(401);
    const reply = JSON.stringify({ messageId: "m-1", from: "0905000001", text: "HD" });
    expect((await smsInbound(post("/api/sms/inbound", {}, reply))).status).toBe(401);
    expect((await smsInbound(post("/api/sms/inbound", { "x-sms-timestamp": "1", "x-sms-signature": "0".repeat(64) }, reply))).status).toBe(401);
    expect(await worldState()).toBe(before);
  });

  it("submitDraft and decide (officer-agency, the centre decides): no session, a citizen, operations staff, another agency, a department deciding", async () => {
    const { serviceVersions } = await import("@/lib/db/schema");
    const draft = { json: JSON.stringify({ ...getService("social-pension"), code: "guard-probe-service" }), communes: ["Phường Hải Châu"] };
    const db = await getDb();
    const attempts = {
      none: () => (nobody(), submitDraft(draft)),
      citizen: () => (citizen(demoPersonas.an), submitDraft(draft)),
      ioc: () => (officer("ioc", "ioc", "ioc"), submitDraft(draft)),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(await outcome(attempt), name).toBe("redirect /staff/login");
    officer("yte", agencyOf("medical-licence-renewal"));
    expect(await submitDraft(draft)).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.$count(serviceVersions)).toBe(0);
    officer("xahoi", "xahoi");
    expect(await submitDraft(draft)).toEqual({ ok: true, code: "guard-probe-service", version: 1 });
    const form = new FormData();
    form.set("code", "guard-probe-service");
    form.set("version", "1");
    form.set("action", "approve");
    expect(await outcome(() => decide(form))).toMatch(/error=not_centre$/);
  });

  it("resolveOneStopConflict (officer-agency): no session, a citizen, another agency's officer, operations staff", async () => {
    const db = await getDb();
    const medical = await code("medical-licence-renewal");
    await db.insert(onestopStatusUpdates).values({ eventId: "guard-ev", dossierId: medical.id, status: "received", outcome: "conflict", detail: "ours=processing" });
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", medical.code);
      f.set("eventId", "guard-ev");
      return f;
    };
    const open = async () => (await db.select().from(onestopStatusUpdates).where(eq(onestopStatusUpdates.eventId, "guard-ev")))[0]!.resolvedAt;
    const attempts = {
      none: () => (nobody(), resolveOneStopConflict(form())),
      citizen: () => (citizen(demoPersonas.cuc), resolveOneStopConflict(form())),
      otherAgency: () => (officer("hotich", agencyOf("birth-registration")), resolveOneStopConflict(form())),
      ioc: () => (officer("ioc", "ioc", "ioc"), resolveOneStopConflict(form())),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(await outcome(attempt), name).toMatch(/^redirect \/(staff\/login|officer)$/);
    expect(await open()).toBeNull();
    officer("yte", agencyOf("medical-licence-renewal"));
    expect(await outcome(() => resolveOneStopConflict(form()))).toMatch(/^redirect \/officer\/dossiers\//);
    expect(await open()).not.toBeNull();
  });

  it("reassign (officer-agency, the centre's lead only): no session, a citizen, another agency's officer, operations staff", async () => {
    const db = await getDb();
    await seedDemoBacklog(db, new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()));
    const [backlog] = await db.select().from(dossiers).where(and(eq(dossiers.serviceCode, "house-building-support"), eq(dossiers.status, "received")));
    const form = () => {
      const f = new FormData();
      f.set("dossierCode", backlog!.code);
      f.set("from", BACKLOG_COMMUNE);
      f.set("to", "Phường Hải Châu");
      return f;
    };
    const moves = async () => (await db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, backlog!.id), eq(dossierEvents.kind, "reassigned")))).length;
    const before = await worldState();
    const attempts = {
      none: () => (nobody(), reassign(form())),
      citizen: () => (citizen(demoPersonas.cuc), reassign(form())),
      otherAgency: () => (officer("yte", agencyOf("medical-licence-renewal")), reassign(form())),
      ioc: () => (officer("ioc", "ioc", "ioc"), reassign(form())),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(await outcome(attempt), name).toMatch(/^redirect \/(staff\/login|officer\?reassignError=\w+#sla-risk)$/);
    expect(await worldState()).toBe(before);
    expect(await moves()).toBe(0);
    officer("xaydung", agencyOf("house-building-support"));
    expect(await outcome(() => reassign(form()))).toBe("redirect /officer?reassigned=1#sla-risk");
    expect(await moves()).toBe(1);
  });
});
