import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { testDatabaseKinds } from "../db/test-databases";
import { demoPersonas } from "../gov/demo-world";
import { growthPersonas } from "../gov/demo-growth-world";
import { seededWorld } from "../gov/test-world";
import { citizens, dossiers } from "../db/schema";
import { queryRows } from "../db/client";
import { catalogue, getService } from "../services/catalogue";
import { serviceDefinition } from "../services/definition";
import { compileCandidates, dueBetween, patternCompilers } from "./compile";
import { ruleSchema } from "./rule";
import { scan } from "./scan";
import { prepareService } from "./prepare";
import { addDays } from "../dates";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const dialect = new PgDialect();
const INJECTION = "x'); DROP TABLE citizens; --";

const medical = getService("medical-licence-renewal");

describe("rule validation refuses what could reach the SQL", () => {
  const base = medical.trigger;
  const refused = (patch: Record<string, unknown>) => ruleSchema.safeParse({ ...base, ...patch }).success;
  it("refuses an injection in every identifier-bearing field", () => {
    expect(refused({ dataset: INJECTION })).toBe(false);
    expect(refused({ column: INJECTION })).toBe(false);
    expect(refused({ column: "holder_id; DELETE FROM dossiers" })).toBe(false);
    expect(refused({ kind: INJECTION })).toBe(false);
    expect(refused({ where: [{ column: INJECTION, op: "eq", value: "x" }] })).toBe(false);
    expect(refused({ where: [{ column: "kind", op: "= 1 OR 1=1 --", value: "x" }] })).toBe(false);
    expect(refused({ prefill: { [INJECTION]: { column: "number" } } })).toBe(false);
    expect(refused({ prefill: { number: { column: INJECTION } } })).toBe(false);
    expect(refused({ prefill: { number: { derived: INJECTION } } })).toBe(false);
    expect(refused({ prefill: { number: { person: INJECTION } } })).toBe(false);
    expect(refused({ prefill: { number: { rule: INJECTION } } })).toBe(false);
    expect(refused({ prefill: { number: { raw: "now()" } } })).toBe(false);
    expect(refused({ reason: { [INJECTION]: { column: "number" } } })).toBe(false);
    expect(refused({ smsVars: { x: { column: "passcode_hash" } } })).toBe(false);
    expect(refused({ daysBefore: "60; DROP TABLE citizens" })).toBe(false);
    // A real column of another table, or one the dataset does not declare, is not a column of this one.
    expect(refused({ where: [{ column: "passcode_hash", op: "eq", value: "x" }] })).toBe(false);
    expect(ruleSchema.safeParse({ ...getService("first-citizen-id").trigger, years: ["14) OR (1=1"] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...getService("poor-household-support").trigger, yearColumn: INJECTION }).success).toBe(false);
    expect(ruleSchema.safeParse(base).success).toBe(true);
  });

  it("binds every value as a parameter: an injected value is data, never SQL", () => {
    const rule = ruleSchema.parse({ ...base, where: [{ column: "scope", op: "in", value: [INJECTION, "a"] }], prefill: { note: { value: INJECTION } } });
    const query = dialect.sqlToQuery(compileCandidates({ ...medical, trigger: rule }, TODAY));
    expect(query.sql).not.toContain("DROP TABLE");
    expect(query.params).toContain(INJECTION);
  });
});

describe("the calendar-year option of the age pattern", () => {
  it("validates the calendar-year option and binds its month as a parameter", () => {
    const military = getService("military-service-registration");
    expect(ruleSchema.safeParse({ ...military.trigger, month: undefined }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...military.trigger, month: 13 }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...military.trigger, month: "4) OR (1=1" }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...getService("social-pension").trigger, month: 4 }).success).toBe(false);
    const query = dialect.sqlToQuery(compileCandidates(military, TODAY));
    expect(query.sql).toContain("make_date(cy.year, $");
    expect(query.params).toContain(4);
  });
});

describe("adding a service needs only catalogue and dataset data", () => {
  it("compiles a new service through the same pattern compilers, one per pattern", () => {
    const before = Object.keys(patternCompilers).sort();
    const added = serviceDefinition.parse({
      ...getService("social-pension"),
      code: "elderly-health-check",
      trigger: { ...getService("social-pension").trigger, years: [80], where: [{ column: "sex", op: "in", value: ["male", "female"] }] },
    });
    expect(dialect.sqlToQuery(compileCandidates(added, TODAY)).sql).toContain("make_interval");
    expect(Object.keys(patternCompilers).sort()).toEqual(before);
    expect(before).toEqual(["age", "event", "list", "window"]);
    // Every service of the catalogue compiles with these four.
    for (const service of catalogue) expect(() => compileCandidates(service, TODAY), service.code).not.toThrow();
  });
});

describe.each(await testDatabaseKinds())("the 27 services on $name", ({ open }) => {
  const world = seededWorld(open, TODAY);

  it("prepares dossiers for each of the 19 proposed services from the demo registries", async () => {
    const t = world();
    const run = await scan(t.db, { today: TODAY, origin: ORIGIN });
    const proposed = catalogue.filter((s) => s.stage === "proposed");
    expect(catalogue).toHaveLength(27);
    expect(proposed).toHaveLength(19);
    // Military registration is due in April only (its own test below): none in November.
    expect(run.prepared["military-service-registration"]).toBe(0);
    for (const s of proposed.filter((p) => p.code !== "military-service-registration")) expect(run.prepared[s.code], s.code).toBeGreaterThanOrEqual(1);
    // The injection above never ran: the registry is whole.
    expect(await t.db.$count(citizens)).toBeGreaterThan(20);
  });

  it("combines a pattern with conditions: only pensioners' deaths end a pension", async () => {
    const t = world();
    const pension = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "pension-survivor-benefits"));
    expect(pension.map((d) => d.prefilled.deceasedName)).toEqual(["Nguyễn Văn Tư"]);
    const deaths = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "death-registration"));
    expect(deaths.map((d) => d.ownerId)).toEqual([growthPersonas.hanh, growthPersonas.hanh]);
  });

  it("gives a child's service to the parent, with the age rule's own values", async () => {
    const t = world();
    const [id] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "first-citizen-id"));
    expect(id).toMatchObject({ ownerId: growthPersonas.mai, subjectKey: `person:${growthPersonas.khoi}`, triggerPeriod: "14" });
    expect(id!.reason).toMatchObject({ childName: "Phan Minh Khôi", age: 14, dueOn: addDays(TODAY, 10) });
  });

  it("forecasts what falls due and is not prepared yet, for the household view and the IOC", async () => {
    const t = world();
    const due = await queryRows<{ subject_id: string; prepare_on: string }>(
      t.db,
      dueBetween(getService("citizen-id-renewal"), { today: TODAY, from: TODAY, to: addDays(TODAY, 365) }, { people: [demoPersonas.an] }),
    );
    // An turns 40 in 2030: not in the next 12 months; Lý Thị Thu (25) is prepared already.
    expect(due).toEqual([]);
    const later = await queryRows<{ subject_id: string; prepare_on: string }>(
      t.db,
      dueBetween(getService("citizen-id-renewal"), { today: TODAY, from: TODAY, to: "2030-12-31" }, { people: [demoPersonas.an] }),
    );
    expect(later.map((r) => [r.subject_id, String(r.prepare_on).slice(0, 10)])).toEqual([[demoPersonas.an, "2030-03-13"]]);
    const [row] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM citizens WHERE id = ${demoPersonas.an}`);
    expect(row?.n).toBe(1);
  });

  it("registers men for military service in April of the calendar year they turn 17, not on the birthday", async () => {
    const t = world();
    const military = getService("military-service-registration");
    // Hồ Văn Tùng turns 17 on 20/08/2027; the forecast and the household view see April 2027 from the rule.
    const due = await queryRows<{ subject_id: string; due_on: unknown; prepare_on: unknown }>(t.db, dueBetween(military, { today: TODAY, from: TODAY, to: addDays(TODAY, 365) }));
    expect(due.map((r) => [r.subject_id, String(r.due_on).slice(0, 10), String(r.prepare_on).slice(0, 10)])).toEqual([[growthPersonas.tung, "2027-04-30", "2027-03-02"]]);
    // A man who turns 17 on the last day of 2027 registers in the same April; one born a day later, and a woman, do not.
    const person = (id: string, birthDate: string, sex: "male" | "female") => ({ id, fullName: `Hồ Văn Thử ${id.slice(-1)}`, birthDate, sex, commune: "Phường Sơn Trà", province: "Thành phố Đà Nẵng" });
    await t.db.insert(citizens).values([person("048420000001", "2010-12-31", "male"), person("048420000002", "2011-01-01", "male"), person("048420000003", "2010-03-01", "female")]);
    const prepareOn = async (day: string) => (await prepareService(t.db, military, { today: day, origin: ORIGIN })).prepared;
    expect(await prepareOn("2027-03-01")).toBe(0);
    expect(await prepareOn("2027-03-02")).toBe(2);
    expect(await prepareOn("2027-04-15")).toBe(0);
    const rows = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, military.code));
    expect(rows.map((d) => d.ownerId).sort()).toEqual(["048420000001", growthPersonas.tung].sort());
    expect(rows[0]).toMatchObject({ triggerPeriod: "17", confirmDeadline: "2027-04-30", legalDeadline: "2027-04-30" });
    expect(rows[0]!.reason).toMatchObject({ age: 17, dueOn: "2027-04-30" });
    // Past the month's 30 days of grace, a man of that year found late is no longer prepared.
    await t.db.insert(citizens).values(person("048420000004", "2010-06-01", "male"));
    expect(await prepareOn("2027-05-31")).toBe(0);
    expect(await prepareOn("2027-05-30")).toBe(1);
  });
});
