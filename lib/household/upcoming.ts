import { and, eq, inArray, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { citizens, dataAccessLog, familyRelations, householdReminders } from "../db/schema";
import { addDays, todayInVietnam } from "../dates";
import { dueBetween } from "../engine/compile";
import { liveServices } from "../services/store";
import type { ServiceDefinition } from "../services/definition";
import { cancelHouseholdReminder, HOUSEHOLD_AGENCY, HOUSEHOLD_PURPOSE, queueHouseholdReminders, remindOnFor } from "./reminders";

export { HOUSEHOLD_PURPOSE };
const DAYS_AHEAD = 365;

export interface UpcomingItem {
  service: ServiceDefinition;
  personId: string;
  personName: string;
  subjectKey: string;
  triggerPeriod: string;
  dueOn: string;
  prepareOn: string;
  /** The citizen's reminder for this item, if switched on: the day it goes, and when it went. */
  reminder: { remindOn: string; sentAt: Date | null } | null;
}

/**
 * A `date` column as yyyy-MM-dd. A driver that hands it back as a Date made it local midnight: on a server
 * east of UTC toISOString() is the day before, so read the Date in Vietnam's zone instead.
 */
export const day = (v: unknown) => (v instanceof Date ? todayInVietnam(v) : String(v).slice(0, 10));

/**
 * The citizen and the children under 18 the population register gives them (either side of the relation
 * may record it). Adults in the family (a spouse, a grown child, a parent) see their own records only:
 * nothing about another adult is shown without their consent.
 */
async function householdOf(db: Db, citizenId: string, today: string): Promise<Map<string, string>> {
  const minor = sql`${citizens.birthDate} > ${today}::date - interval '18 years'`;
  const rows = await db
    .select({ id: citizens.id, fullName: citizens.fullName })
    .from(citizens)
    .where(
      or(
        eq(citizens.id, citizenId),
        and(
          minor,
          or(
            inArray(citizens.id, db.select({ id: familyRelations.relativeId }).from(familyRelations).where(and(eq(familyRelations.citizenId, citizenId), eq(familyRelations.relation, "child")))),
            inArray(citizens.id, db.select({ id: familyRelations.citizenId }).from(familyRelations).where(and(eq(familyRelations.relativeId, citizenId), eq(familyRelations.relation, "parent")))),
          ),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/**
 * The next 12 months for a citizen's household, from the same rules the engine runs: what falls due,
 * for whom, and the day the government will prepare it (where the service is switched on). Each
 * person whose records were read gets a data-access row, as for a prepared dossier.
 */
export async function householdUpcoming(db: Db, citizenId: string, today: string): Promise<UpcomingItem[]> {
  const members = await householdOf(db, citizenId, today);
  const people = [...members.keys()];
  const items: UpcomingItem[] = [];
  const read = new Set<string>();
  for (const { service, communes } of await liveServices(db)) {
    const rows = await queryRows<{ subject_id: string; owner_id: string; subject_key: string; trigger_period: string; due_on: unknown; prepare_on: unknown }>(
      db,
      // Days as text: a date never passes through the server's zone.
      sql`SELECT subject_id, owner_id, subject_key, trigger_period, due_on::date::text AS due_on, prepare_on::date::text AS prepare_on
          FROM (${dueBetween(service, { today, from: today, to: addDays(today, DAYS_AHEAD) }, { people, communes })}) due`,
    );
    for (const r of rows) {
      const personId = members.has(r.subject_id) ? r.subject_id : r.owner_id;
      read.add(`${personId}|${service.trigger.dataset}`);
      items.push({
        service,
        personId,
        personName: members.get(personId) ?? "",
        subjectKey: r.subject_key,
        triggerPeriod: r.trigger_period,
        dueOn: day(r.due_on),
        prepareOn: day(r.prepare_on),
        reminder: null,
      });
    }
  }
  for (const id of people) read.add(`${id}|population`);
  await db.insert(dataAccessLog).values(
    [...read].map((key) => {
      const [id, dataset] = key.split("|") as [string, string];
      return { citizenId: id, agency: HOUSEHOLD_AGENCY, dataset, purpose: HOUSEHOLD_PURPOSE };
    }),
  );
  const reminders = await db.select().from(householdReminders).where(eq(householdReminders.citizenId, citizenId));
  const on = new Map(reminders.map((r) => [`${r.serviceCode}|${r.subjectKey}|${r.triggerPeriod}`, { remindOn: day(r.remindOn), sentAt: r.sentAt }]));
  for (const item of items) item.reminder = on.get(`${item.service.code}|${item.subjectKey}|${item.triggerPeriod}`) ?? null;
  return items.sort((a, b) => a.prepareOn.localeCompare(b.prepareOn) || a.service.code.localeCompare(b.service.code));
}

type ReminderKey = { serviceCode: string; subjectKey: string; triggerPeriod: string };

/**
 * The citizen opts in to a reminder for one upcoming item, only one the rules give their household
 * today (so no one can subscribe to another family's records); asking twice changes nothing. A reminder
 * whose day has already come is queued at once rather than at the next scheduled pass.
 */
export async function optInReminder(db: Db, citizenId: string, at: { today: string; now: Date; origin: string }, input: ReminderKey): Promise<boolean> {
  const item = (await householdUpcoming(db, citizenId, at.today)).find(
    (i) => i.service.code === input.serviceCode && i.subjectKey === input.subjectKey && i.triggerPeriod === input.triggerPeriod,
  );
  if (!item) return false;
  await db
    .insert(householdReminders)
    .values({
      citizenId,
      serviceCode: item.service.code,
      subjectKey: item.subjectKey,
      triggerPeriod: item.triggerPeriod,
      dueOn: item.dueOn,
      prepareOn: item.prepareOn,
      remindOn: remindOnFor(item.prepareOn, at.today),
    })
    .onConflictDoNothing();
  await queueHouseholdReminders(db, { ...at, citizenId });
  return true;
}

export async function optOutReminder(db: Db, citizenId: string, input: ReminderKey): Promise<void> {
  await cancelHouseholdReminder(db, citizenId, input);
}
