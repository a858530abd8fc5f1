import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { citizens, dossiers, smsOutbox } from "../db/schema";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { receiveBirthNotice } from "../gov/births";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { performOfficerAction, type OfficerAction } from "../dossiers/officer-actions";
import { respondAsOtherParent } from "../dossiers/objections";
import { getService } from "../services/catalogue";
import { addDays } from "../dates";
import { createLogger, redactConsole, scrub, scrubText } from "../log";
import * as clock from "../clock";

const ID = /(?<!\d)\d{12}(?!\d)/;
const PHONE = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/;
const unaccent = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

describe("server logs never carry a personal id or a phone number", () => {
  function capture() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { logger: createLogger(stream, "info"), lines };
  }

  it("scrubs ids and phones in messages, fields at any depth, errors and arguments", () => {
    const { logger, lines } = capture();
    logger.warn({ personalId: "048090000001", phone: "0905000001", nested: { note: "gọi 0905 000 001 hoặc +84905000002 về 048090000001", list: ["048190000002"] } }, "sign-in for 048185000003 from 0905.000.003");
    logger.error({ err: new Error("citizen 048080000004 not found") }, "failed");
    logger.info("printf %s", "048175000005");
    const out = lines.join("\n");
    expect(out).not.toMatch(ID);
    expect(out).not.toMatch(PHONE);
    expect(out).toContain("0481•••••003");
    expect(out).toContain("[redacted]");
    expect(lines.length).toBe(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, app: "chu-dong" });
  });

  it("keeps other numbers: dates, dossier codes, counts, timestamps", () => {
    expect(scrubText("HS-2026-000123 lúc 2026-11-23T08:00:00Z, 1795444874779 ms, 20000 dòng")).toBe("HS-2026-000123 lúc 2026-11-23T08:00:00Z, 1795444874779 ms, 20000 dòng");
    expect(scrub({ n: 42, big: 1795444874779 })).toEqual({ n: 42, big: 1795444874779 });
  });

  it("also scrubs what Next and libraries print through console", () => {
    const original = console.error;
    const seen: unknown[][] = [];
    console.error = (...args: unknown[]) => void seen.push(args);
    try {
      redactConsole();
      console.error("render failed for 048090000001", new Error("phone 0905000001"), { id: "048190000002" });
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(seen, (_k, v) => (v instanceof Error ? v.message : v))).not.toMatch(ID);
    expect(String((seen[0]![1] as Error).message)).not.toMatch(PHONE);
  });
});

describe("every SMS the demo world produces names no personal data beyond a first name", () => {
  let database: Database;
  const today = clock.today();
  const origin = "https://dichvu.danang.gov.vn";

  beforeAll(async () => {
    database = await openDatabase({ dir: "memory://" });
    const db = database.db;
    await seedDemoWorld(db, today);
    await scan(db, { today, origin });
    const dossierOf = async (service: string) => (await db.select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;
    const confirm = async (citizen: string, service: string, input: Record<string, string>) => {
      const d = await dossierOf(service);
      const r = await performCitizenAction(db, citizen, "confirm", { dossierCode: d.code, version: d.version, idempotencyKey: randomUUID(), input, consent: true });
      expect(r).toMatchObject({ ok: true });
    };
    const officer = async (service: string, ...actions: OfficerAction[]) => {
      const agency = getService(service).agency.code;
      for (const action of actions) {
        const d = await dossierOf(service);
        const note = action === "reject" || action === "request_info" ? "Ghi chú của cán bộ" : undefined;
        expect(await performOfficerAction(db, { username: agency, agency }, { dossierCode: d.code, version: d.version, action, note }, { origin })).toMatchObject({ ok: true });
      }
    };
    await confirm(demoPersonas.an, "birth-registration", { childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" });
    // The other parent agrees to the name, so the officer may approve without waiting out her window.
    expect(await respondAsOtherParent(db, demoPersonas.binh, { dossierCode: (await dossierOf("birth-registration")).code, answer: "agree" }, { today })).toEqual({ ok: true });
    await officer("birth-registration", "receive", "approve", "deliver");
    await confirm(demoPersonas.cuc, "medical-licence-renewal", { delivery: "digital" });
    await officer("medical-licence-renewal", "receive", "request_info");
    await confirm(demoPersonas.dung, "transport-badge-renewal", { delivery: "centre" });
    await officer("transport-badge-renewal", "receive", "reject");
    await confirm(demoPersonas.em, "poor-household-support", { delivery: "centre" });
    await officer("poor-household-support", "receive", "approve");
    // A hospital's notice for another baby, then reminders and expiries for what nobody confirmed.
    const notice = await receiveBirthNotice(
      db,
      { certificateNo: "GCS-PRIVACY-1", hospital: "Bệnh viện Phụ sản – Nhi Đà Nẵng", birthDate: addDays(today, -1), sex: "female", motherId: demoPersonas.em },
      { origin },
    );
    expect(notice.kind).not.toBe("invalid");
    await scan(db, { today: addDays(today, 20), origin });
    await scan(db, { today: addDays(today, 70), origin });
  });
  afterAll(async () => database?.close());

  it("has no id, no phone number, no full name; each carries a deep link that is not the dossier code", async () => {
    const messages = await database.db.select().from(smsOutbox);
    const people = await database.db.select().from(citizens);
    const codes = (await database.db.select({ code: dossiers.code }).from(dossiers)).map((d) => d.code);
    expect(messages.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set<string>();
    for (const { body } of messages) {
      expect(body, body).not.toMatch(ID);
      expect(body, body).not.toMatch(PHONE);
      for (const p of people) {
        const words = unaccent(p.fullName).split(" ");
        // The first name alone is allowed ("anh An"); the family name with it is not.
        if (words.length > 1) expect(unaccent(body), body).not.toContain(words.slice(-2).join(" "));
        expect(body).not.toContain(p.id);
      }
      const link = /\/s\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
      if (link) expect(codes).not.toContain(link);
      kinds.add(body.replace(/[^A-Za-z ]/g, "").split(" ").slice(0, 6).join(" "));
    }
    expect(kinds.size).toBeGreaterThan(4);
  });
});
