import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";

process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { getDb, database } = await import("@/lib/db/client");
const { log } = await import("@/lib/log");
const { env } = await import("@/lib/env");
const clock = await import("@/lib/clock");
const { seedDemoWorld } = await import("@/lib/gov/demo-world");
const { scan } = await import("@/lib/engine/scan");
const { deepLinks, dossiers, smsInbound, smsOutbox } = await import("@/lib/db/schema");
const { signInbound } = await import("@/lib/sms/inbound-auth");
const { POST } = await import("./route");

const AN_PHONE = "0905000001";
const seconds = (offset = 0) => String(Math.floor(clock.now().getTime() / 1000) + offset);

function delivery(payload: unknown, opts: { offset?: number; secret?: string; raw?: string } = {}) {
  const body = opts.raw ?? JSON.stringify(payload);
  const timestamp = seconds(opts.offset);
  return new Request("http://localhost:3000/api/sms/inbound", {
    method: "POST",
    headers: { "content-type": "application/json", "x-sms-timestamp": timestamp, "x-sms-signature": signInbound(opts.secret ?? env().SMS_INBOUND_SECRET, timestamp, body) },
    body,
  });
}

describe("POST /api/sms/inbound", () => {
  let match = "";
  const logged: unknown[] = [];
  beforeAll(async () => {
    const db = await getDb();
    await seedDemoWorld(db, clock.today());
    await scan(db, { today: clock.today(), origin: "http://localhost:3000" });
    const [birth] = await db.select({ match: deepLinks.matchCode }).from(deepLinks).innerJoin(dossiers, eq(dossiers.id, deepLinks.dossierId)).where(eq(dossiers.serviceCode, "birth-registration"));
    match = birth!.match;
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(log, level).mockImplementation(((...args: unknown[]) => void logged.push(args)) as never);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await (await database()).close();
  });

  it("takes a signed reply, answers it by SMS and logs neither the number nor the text", async () => {
    const response = await POST(delivery({ messageId: "gw-100", from: AN_PHONE, text: `TEN ${match} Nguyễn Minh Khang` }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "answered" });
    const db = await getDb();
    const [answer] = await db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, "reply:1"));
    expect(answer).toMatchObject({ phone: AN_PHONE, body: expect.stringContaining("NGUYEN MINH KHANG") });
    // The same delivery again (a gateway retry, or a replay inside the 5 minutes) acts no more.
    expect(await (await POST(delivery({ messageId: "gw-100", from: AN_PHONE, text: `TEN ${match} Nguyễn Minh Khang` }))).json()).toEqual({ outcome: "duplicate" });
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/0905|048090|Khang|Nguy/);
    expect(text).toContain("answered");
  });

  it("refuses a wrong secret, no signature and a replay older than 5 minutes, and records nothing", async () => {
    const db = await getDb();
    const before = (await db.select().from(smsInbound)).length;
    const payload = { messageId: "gw-200", from: AN_PHONE, text: "HD" };
    expect((await POST(delivery(payload, { secret: "not-the-gateway-secret" }))).status).toBe(401);
    expect((await POST(delivery(payload, { offset: -301 }))).status).toBe(401);
    expect(await (await POST(delivery(payload, { offset: -301 }))).json()).toEqual({ error: "stale" });
    expect((await POST(new Request("http://localhost:3000/api/sms/inbound", { method: "POST", body: JSON.stringify(payload) }))).status).toBe(401);
    expect((await db.select().from(smsInbound)).length).toBe(before);
  });

  it("answers 413 to a huge body and 400 to a signed body that is not a reply, changing nothing", async () => {
    const db = await getDb();
    const before = (await db.select().from(smsInbound)).length;
    expect((await POST(delivery({ messageId: "gw-300", from: AN_PHONE, text: "A".repeat(5000) }))).status).toBe(413);
    expect((await POST(delivery(null, { raw: "{not json" }))).status).toBe(400);
    for (const bad of [{ messageId: "gw-301", from: "12345", text: "HD" }, { messageId: "gw-302", from: AN_PHONE, text: "HD\u0000" }, { from: AN_PHONE, text: "HD" }]) {
      expect((await POST(delivery(bad))).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await db.select().from(smsInbound)).length).toBe(before);
  });
});
