import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { addDays } from "../dates";
import { liveCatalogue } from "../services/catalogue";
import { salutationSql } from "../sms/salutation";
import { smsTemplates } from "../sms/templates";
import { templateSql } from "../sms/template-sql";

/** What the household view reads on the citizen's behalf, as the data-access log names it. */
export const HOUSEHOLD_PURPOSE = "household-forecast";
export const HOUSEHOLD_AGENCY = "chudong";

/**
 * A household reminder goes 30 days before the government prepares the dossier: time to book a day off
 * for the fingerprints, find the old licence, or fix a wrong phone number while nothing is due yet.
 * Opted in later than that, it goes at once: the text then also proves that SMS reach this phone.
 */
export const REMIND_DAYS_BEFORE = 30;

/** Not at night: a reminder due on a day is sent from 08:00 Vietnam time (no DST, always +07:00). */
const SEND_FROM = "T08:00:00+07:00";

export function remindOnFor(prepareOn: string, today: string): string {
  const ahead = addDays(prepareOn, -REMIND_DAYS_BEFORE);
  return ahead > today ? ahead : today;
}

/** The outbox's unique dedupe key: one SMS per person, service, subject and due date, whatever runs it. */
export function householdDedupeKey(h: { citizenId: SQL; serviceCode: SQL; subjectKey: SQL; dueOn: SQL }): SQL {
  return sql`'household:' || ${h.citizenId} || ':' || ${h.serviceCode} || ':' || ${h.subjectKey} || ':' || ${h.dueOn}::text`;
}

const keyOf = (h: string) =>
  householdDedupeKey({ citizenId: sql.raw(`${h}.citizen_id`), serviceCode: sql.raw(`${h}.service_code`), subjectKey: sql.raw(`${h}.subject_key`), dueOn: sql.raw(`${h}.due_on`) });

/**
 * Queues every household reminder whose day has come, in one statement, through the SMS outbox (the
 * dispatcher sends it). Each opt-in is claimed once (sent_at), and is dropped without an SMS when the
 * dossier was prepared meanwhile or the citizen has no phone. Reading the recipient's name, age and
 * phone to write the text is logged as the household view's reads are. Safe on any number of instances.
 */
export async function queueHouseholdReminders(db: Executor, opts: { today: string; now: Date; origin: string; citizenId?: string }): Promise<number> {
  const services = liveCatalogue();
  const names = sql.join(
    services.map((s) => sql`(${s.code}, ${s.shortName.vi})`),
    sql`, `,
  );
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH names(code, name) AS (VALUES ${names}),
    claimed AS (
      UPDATE household_reminders h SET sent_at = ${now}
      WHERE h.sent_at IS NULL AND h.remind_on <= ${opts.today}::date${opts.citizenId ? sql` AND h.citizen_id = ${opts.citizenId}` : sql``}
      RETURNING h.citizen_id, h.service_code, h.subject_key, h.trigger_period, h.due_on, h.prepare_on, h.remind_on
    ),
    due AS (
      SELECT h.*, ${keyOf("h")} AS dedupe_key, c.phone, c.sex, c.birth_date, c.full_name, n.name
      FROM claimed h
      JOIN names n ON n.code = h.service_code
      JOIN citizens c ON c.id = h.citizen_id
      WHERE c.phone IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.service_code = h.service_code AND d.subject_key = h.subject_key AND d.trigger_period = h.trigger_period)
    ),
    sms AS (
      INSERT INTO sms_outbox (dedupe_key, phone, body, next_attempt_at)
      SELECT dedupe_key, phone,
        ${templateSql(smsTemplates.householdReminder.text, {
          salutation: salutationSql(sql`sex`, sql`birth_date`, opts.today),
          firstName: sql`unaccent_vi(regexp_replace(full_name, '^.*\\s', ''))`,
          service: sql`lower(unaccent_vi(name))`,
          prepareOn: sql`to_char(prepare_on, 'DD/MM')`,
          origin: sql`${opts.origin}::text`,
        })},
        greatest(${now}, (remind_on::text || ${SEND_FROM})::timestamptz)
      FROM due
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING dedupe_key
    ),
    access AS (
      INSERT INTO data_access_log (citizen_id, agency, dataset, purpose, at)
      SELECT due.citizen_id, ${HOUSEHOLD_AGENCY}, 'population', ${HOUSEHOLD_PURPOSE}, ${now}
      FROM due JOIN sms ON sms.dedupe_key = due.dedupe_key
    )
    SELECT count(*)::int AS n FROM sms`);
  return Number(row?.n ?? 0);
}

/** Switches a reminder off; one already queued but not yet sent (waiting for 08:00) is taken back too. */
export async function cancelHouseholdReminder(db: Executor, citizenId: string, input: { serviceCode: string; subjectKey: string; triggerPeriod: string }): Promise<void> {
  await queryRows(db, sql`
    WITH gone AS (
      DELETE FROM household_reminders h
      WHERE h.citizen_id = ${citizenId} AND h.service_code = ${input.serviceCode} AND h.subject_key = ${input.subjectKey} AND h.trigger_period = ${input.triggerPeriod}
      RETURNING h.citizen_id, h.service_code, h.subject_key, h.due_on
    )
    DELETE FROM sms_outbox o USING gone WHERE o.dedupe_key = ${keyOf("gone")} AND o.status = 'pending'
    RETURNING o.id`);
}
