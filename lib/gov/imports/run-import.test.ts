import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../../db/test-databases";
import { dossiers, importRuns, licences, smsOutbox, socialProtectionList } from "../../db/schema";
import { demoPersonas as p, seedDemoWorld } from "../demo-world";
import { runImport, type ImportOptions, type ImportReport } from "./run-import";
import { csvRecords } from "./csv-records";
import { UploadError } from "./upload-error";

const TODAY = "2026-11-23";
const ORIGIN = "https://chudong.example.vn";

const poorList = [
  "household_head_id,category,members,commune,year",
  `${p.an},nghèo,5,Phường Hải Châu,2026`,
  `${p.cuc},Cận nghèo,3,Phường Hải Châu,2026`,
  "04818500000,poor,3,Phường Hải Châu,2026",
  `${p.dung},rich,2,Phường Liên Chiểu,2026`,
  "048099999999,poor,2,Phường Liên Chiểu,2026",
  "",
  `${p.em},poor,4,Xã Hòa Vang,2026`,
  `${p.an},poor,5,Phường Hải Châu,2026`,
  `${p.dung},near_poor,0,Phường Liên Chiểu,2026`,
  `${p.dung},near_poor,2,"Phường Liên Chiểu",2026,extra`,
  `${p.giang},poor,3,,2026`,
  `${p.hai},poor,3,Phường\u0000,2026`,
].join("\n");

describe.each(await testDatabaseKinds())("CSV imports on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => t?.close());

  async function importCsv(dataset: ImportOptions["dataset"], csv: string | Readable, more: Partial<ImportOptions> = {}) {
    const source = typeof csv === "string" ? Readable.from([csv]) : csv;
    return runImport(t.db, { dataset, agency: "test", records: csvRecords(source), origin: ORIGIN, today: TODAY, locale: "en", ...more });
  }

  async function report(dataset: ImportOptions["dataset"], csv: string | Readable, more: Partial<ImportOptions> = {}) {
    const outcome = await importCsv(dataset, csv, more);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.report;
  }

  it("lands the good rows of a household list and reports each bad line with its reason", async () => {
    const r = await report("poor-households", poorList, { batchSize: 3 });
    expect(r).toMatchObject({ dataset: "poor-households", accepted: 2, unchanged: 1, rejected: 8 });
    expect(r.errors).toEqual([
      { line: 4, reason: "household_head_id: A personal id number has exactly 12 digits." },
      { line: 5, reason: "category: Category must be poor or near_poor (nghèo, cận nghèo)." },
      { line: 6, reason: "household_head_id: Not in the national population database." },
      { line: 9, reason: "Same record as line 2." },
      { line: 10, reason: "members: Members must be a whole number from 1 to 30." },
      { line: 11, reason: "The line has 6 columns; the header has 5." },
      { line: 12, reason: "commune: Required." },
      { line: 13, reason: "commune: Not valid." },
    ]);
    const rows = await t.db.select().from(socialProtectionList).orderBy(socialProtectionList.householdHeadId);
    expect(rows.map((r) => [r.householdHeadId, r.category, r.members])).toEqual([
      [p.an, "poor", 5],
      [p.em, "poor", 4],
      [p.cuc, "near_poor", 3],
    ]);
    const [run] = await t.db.select().from(importRuns);
    expect(run).toMatchObject({ agency: "test", dataset: "poor-households", accepted: 2, unchanged: 1, rejected: 8 });
    expect(run?.report).toHaveLength(8);
  });

  it("prepares the support dossiers of the households on this year's list", async () => {
    const support = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "poor-household-support"));
    expect(new Set(support.map((d) => d.ownerId))).toEqual(new Set([p.an, p.cuc, p.em]));
    expect(await t.db.$count(smsOutbox)).toBe(3);
  });

  it("changes nothing when the same file comes again", async () => {
    const r = await report("poor-households", poorList);
    expect(r).toMatchObject({ accepted: 0, unchanged: 3, rejected: 8, engine: { prepared: { "poor-household-support": 0 }, sms: 0 } });
    expect(await t.db.$count(dossiers, eq(dossiers.serviceCode, "poor-household-support"))).toBe(3);
    expect(await t.db.$count(importRuns)).toBe(2);
  });

  it("counts a changed row as accepted, and speaks Vietnamese by default", async () => {
    const r = await report("poor-households", `household_head_id;category;members;commune;year\n${p.an};hộ nghèo;6;Phường Hải Châu;2026\n${p.cuc};x;3;Phường Hải Châu;2026\n`, {
      locale: undefined,
    });
    expect(r).toMatchObject({ accepted: 1, unchanged: 0, rejected: 1 });
    expect(r.errors).toEqual([{ line: 3, reason: "category: Loại hộ phải là nghèo hoặc cận nghèo (poor, near_poor)." }]);
  });

  it("reads licence registries with dd/MM/yyyy dates and prepares renewals in their window", async () => {
    const csv = [
      "Number;Holder ID;Expires On;Issuer;Scope;Address;Subject",
      `PH-048-300001;${p.dung};01/12/2026;Sở Xây dựng Đà Nẵng;Xe tải;;43c-111.22`,
      `PH-048-300002;${p.hai};2027-05-01;Sở Xây dựng Đà Nẵng;Xe khách;;43B-222.33`,
      `PH-048-300003;${p.hai};31/02/2027;Sở Xây dựng Đà Nẵng;Xe khách;;43B-333.44`,
      `PH-048-300004;${p.hai};1/6/2027;Sở Xây dựng Đà Nẵng;Xe khách;;`,
      `PH-048-204517;${p.dung};05/12/2026;Sở Xây dựng Đà Nẵng;Xe taxi;;43B-123.45`,
    ].join("\r\n");
    const r = await report("transport-badges", csv);
    expect(r).toMatchObject({ accepted: 2, unchanged: 1, rejected: 2 });
    expect(r.errors).toEqual([
      { line: 4, reason: "expires_on: Not a valid date; use yyyy-MM-dd or dd/MM/yyyy." },
      { line: 5, reason: "subject: Not a valid vehicle plate (e.g. 43B-123.45)." },
    ]);
    const [badge] = await t.db.select().from(licences).where(and(eq(licences.kind, "transport-badge"), eq(licences.number, "PH-048-300001")));
    expect(badge).toMatchObject({ holderId: p.dung, expiresOn: "2026-12-01", subject: "43C-111.22", scope: "Xe tải", address: null });
    expect(r.engine.prepared).toEqual({ "transport-badge-renewal": 2 });
    const renewals = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "transport-badge-renewal"));
    expect(renewals.map((d) => d.prefilled.subject).sort()).toEqual(["43B-123.45", "43C-111.22"]);
  });

  it("refuses a file without data or without the columns it needs", async () => {
    expect(await importCsv("poor-households", "")).toMatchObject({ ok: false, problem: "emptyFile" });
    expect(await importCsv("poor-households", "household_head_id,category,members,commune,year\r\n\r\n")).toMatchObject({
      ok: false,
      problem: "emptyFile",
    });
    expect(await importCsv("poor-households", "household_head_id,category,commune\n1,2,3\n")).toEqual({
      ok: false,
      problem: "missingColumns",
      message: "The header lacks the columns: members, year.",
    });
    expect(await importCsv("medical-licences", "number,holder_id,expires_on,issuer,number\n")).toMatchObject({
      ok: false,
      problem: "duplicateColumns",
    });
  });

  it("streams a large registry extract into place, all or nothing", async () => {
    const ROWS = 20_000;
    await t.db.execute(sql`
      INSERT INTO citizens (id, full_name, birth_date, sex, commune, province)
      SELECT '04807' || lpad(i::text, 7, '0'), 'Công dân ' || i, '1980-01-01', 'male', 'Phường Hải Châu', 'Thành phố Đà Nẵng'
      FROM generate_series(1, ${ROWS}) AS i`);
    async function* extract(failAt?: number) {
      yield "number,holder_id,expires_on,issuer,scope,address\n";
      for (let start = 1; start <= ROWS; start += 1000) {
        // A file refused part-way (here: bytes that are not UTF-8 after 10,000 rows) must leave nothing behind.
        if (start === failAt) throw new UploadError("invalidEncoding");
        const lines = [];
        for (let i = start; i < start + 1000; i++) {
          const id = `04807${String(i).padStart(7, "0")}`;
          lines.push(`${i}/CCHN-BYT,${id},15/06/2028,Sở Y tế Đà Nẵng,"Khám bệnh, chữa bệnh",`);
        }
        yield `${lines.join("\n")}\n`;
      }
    }
    const runsBefore = await t.db.$count(importRuns);
    await expect(report("medical-licences", Readable.from(extract(10_001)), { batchSize: 500 })).rejects.toThrow(UploadError);
    expect(await t.db.$count(licences, eq(licences.kind, "medical"))).toBe(1);
    expect(await t.db.$count(importRuns)).toBe(runsBefore);

    const started = Date.now();
    const r: ImportReport = await report("medical-licences", Readable.from(extract()));
    expect(r).toMatchObject({ accepted: ROWS, unchanged: 0, rejected: 0, engine: { prepared: { "medical-licence-renewal": 1 } } });
    expect(await t.db.$count(licences, eq(licences.kind, "medical"))).toBe(ROWS + 1);
    console.info(`20k-row import on ${t.kind}: ${Date.now() - started} ms`);
  });
});
