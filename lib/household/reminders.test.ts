import { describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { testDatabaseKinds } from "../db/test-databases";
import { growthPersonas } from "../gov/demo-growth-world";
import { seededWorld } from "../gov/test-world";
import { dataAccessLog, householdReminders, smsOutbox } from "../db/schema";
import { addDays } from "../dates";
import { dispatchDue } from "../sms/dispatcher";
import { scan } from "../engine/scan";
import { SMS_MAX_LENGTH } from "../sms/templates";
import { isGsm7 } from "../sms/gsm7";
import type { SmsGateway } from "../sms/gateway";
import { householdUpcoming, optInReminder, optOutReminder } from "./upcoming";
import { HOUSEHOLD_PURPOSE, queueHouseholdReminders, REMIND_DAYS_BEFORE, remindOnFor } from "./reminders";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";
const MAI_PHONE = "0905000053";
/** A moment of a day in Vietnam, as the app clock would give it. */
const at = (day: string, time = "09:00") => new Date(`${day}T${time}:00+07:00`);

function recordingGateway(): SmsGateway & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: "recording",
    sent,
    send: async (m) => {
      sent.push(m.body);
      return { ok: true, messageId: `m${sent.length}` };
    },
  };
}

describe("when a household reminder goes", () => {
  it("goes 30 days before the dossier is prepared, or on the day of opting in if that is later", () => {
    expect(REMIND_DAYS_BEFORE).toBe(30);
    expect(remindOnFor("2027-03-23", TODAY)).toBe("2027-02-21");
    expect(remindOnFor(addDays(TODAY, 10), TODAY)).toBe(TODAY);
  });
});

describe.each(await testDatabaseKinds())("the household reminder SMS on $name", ({ open }) => {
  const world = seededWorld(open, TODAY);
  const outbox = () => world().db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, "household:%"));

  it("is sent once, on its day from 08:00, through the outbox and the dispatcher, with no match code and a link to /household", async () => {
    const t = world();
    // Đức turns 14 in 150 days: his card is prepared in 120, so the reminder goes in 90.
    const duc = (await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.personId === growthPersonas.duc && i.service.code === "first-citizen-id")!;
    const key = { serviceCode: duc.service.code, subjectKey: duc.subjectKey, triggerPeriod: duc.triggerPeriod };
    expect(await optInReminder(t.db, growthPersonas.mai, { today: TODAY, now: at(TODAY), origin: ORIGIN }, key)).toBe(true);
    const remindOn = addDays(TODAY, 90);
    const [row] = await t.db.select().from(householdReminders).where(eq(householdReminders.citizenId, growthPersonas.mai));
    expect(row).toMatchObject({ remindOn, prepareOn: addDays(TODAY, 120), dueOn: addDays(TODAY, 150), sentAt: null });
    expect(await outbox()).toEqual([]);

    expect(await queueHouseholdReminders(t.db, { today: addDays(remindOn, -1), now: at(addDays(remindOn, -1)), origin: ORIGIN })).toBe(0);
    // The engine's day starts at midnight; the text waits for the morning.
    expect(await queueHouseholdReminders(t.db, { today: remindOn, now: at(remindOn, "00:05"), origin: ORIGIN })).toBe(1);
    expect(await queueHouseholdReminders(t.db, { today: remindOn, now: at(remindOn, "00:06"), origin: ORIGIN })).toBe(0);
    const [sms] = await outbox();
    const prepareOn = addDays(TODAY, 120);
    expect(sms).toMatchObject({ phone: MAI_PHONE, dossierId: null, status: "pending" });
    expect(sms!.body).toBe(`DVC Da Nang: chi Mai: can cuoc cho con 14 tuoi se duoc chuan bi san ngay ${prepareOn.slice(8)}/${prepareOn.slice(5, 7)}. Xem tai: ${ORIGIN}/household`);
    expect(sms!.body).not.toMatch(/Ma doi chieu/);
    expect(isGsm7(sms!.body) && sms!.body.length <= SMS_MAX_LENGTH).toBe(true);
    expect(sms!.nextAttemptAt).toEqual(at(remindOn, "08:00"));

    const gateway = recordingGateway();
    expect(await dispatchDue(t.db, gateway, { now: at(remindOn, "07:59") })).toMatchObject({ sent: 0 });
    expect(await dispatchDue(t.db, gateway, { now: at(remindOn, "08:00") })).toMatchObject({ sent: 1 });
    expect(gateway.sent).toEqual([sms!.body]);

    // Switched off and on again: the database's dedupe key lets no second text out for that due date.
    await optOutReminder(t.db, growthPersonas.mai, key);
    expect(await t.db.$count(householdReminders)).toBe(0);
    await optInReminder(t.db, growthPersonas.mai, { today: remindOn, now: at(remindOn, "10:00"), origin: ORIGIN }, key);
    expect(await outbox()).toHaveLength(1);
    await t.db.insert(smsOutbox).values({ dedupeKey: sms!.dedupeKey, phone: MAI_PHONE, body: "twice" }).onConflictDoNothing();
    expect((await outbox()).map((o) => o.body)).toEqual([sms!.body]);

    // Reading Mai's name, age and phone to write the text is logged like the household view's reads.
    const reads = await t.db
      .select()
      .from(dataAccessLog)
      .where(and(eq(dataAccessLog.citizenId, growthPersonas.mai), eq(dataAccessLog.purpose, HOUSEHOLD_PURPOSE), eq(dataAccessLog.at, at(remindOn, "00:05"))));
    expect(reads.map((r) => r.dataset)).toEqual(["population"]);
    await optOutReminder(t.db, growthPersonas.mai, key);
  });

  it("goes at once when opted in later than 30 days ahead, and can be switched off before it leaves", async () => {
    const t = world();
    // Khôi's card is prepared today: opting in queues the text now (it waits for 08:00 if it is earlier).
    const khoi = (await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.personId === growthPersonas.khoi && i.service.code === "first-citizen-id")!;
    const key = { serviceCode: khoi.service.code, subjectKey: khoi.subjectKey, triggerPeriod: khoi.triggerPeriod };
    await optInReminder(t.db, growthPersonas.mai, { today: TODAY, now: at(TODAY, "06:30"), origin: ORIGIN }, key);
    const queued = (await outbox()).filter((o) => o.dedupeKey.includes(khoi.subjectKey));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.nextAttemptAt).toEqual(at(TODAY, "08:00"));
    expect((await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.subjectKey === khoi.subjectKey)?.reminder?.sentAt).toEqual(at(TODAY, "06:30"));

    await optOutReminder(t.db, growthPersonas.mai, key);
    expect((await outbox()).filter((o) => o.dedupeKey.includes(khoi.subjectKey))).toEqual([]);
    expect(await dispatchDue(t.db, recordingGateway(), { now: at(TODAY, "08:01") })).toMatchObject({ sent: 0 });
  });

  it("sends nothing when the dossier was prepared meanwhile: its own SMS has gone", async () => {
    const t = world();
    const ngoc = (await householdUpcoming(t.db, growthPersonas.mai, TODAY)).find((i) => i.personId === growthPersonas.ngoc && i.service.code === "child-health-insurance-at-six")!;
    await t.db.insert(householdReminders).values({
      citizenId: growthPersonas.mai,
      serviceCode: ngoc.service.code,
      subjectKey: ngoc.subjectKey,
      triggerPeriod: ngoc.triggerPeriod,
      dueOn: ngoc.dueOn,
      prepareOn: ngoc.prepareOn,
      remindOn: addDays(TODAY, 1),
    });
    await scan(t.db, { today: TODAY, origin: ORIGIN, services: [ngoc.service] });
    expect(await queueHouseholdReminders(t.db, { today: addDays(TODAY, 1), now: at(addDays(TODAY, 1)), origin: ORIGIN })).toBe(0);
    const [row] = await t.db.select().from(householdReminders).where(eq(householdReminders.subjectKey, ngoc.subjectKey));
    expect(row?.sentAt).toEqual(at(addDays(TODAY, 1)));
  });
});
