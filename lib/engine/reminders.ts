import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { liveCatalogue } from "../services/catalogue";
import { lifecycle } from "../dossiers/status";
import { smsTemplates } from "../sms/templates";
import { salutationSql } from "../sms/salutation";
import { templateSql } from "../sms/template-sql";
import * as clock from "../clock";

const REMINDER_DAYS_BEFORE = 7;

/**
 * A Báo sai that holds the confirmation (transition() refuses it meanwhile): the citizen can neither
 * confirm nor be blamed for not confirming, so no reminder urges it and the deadline does not expire it.
 */
const heldByCorrection = sql`EXISTS (SELECT 1 FROM correction_requests r WHERE r.dossier_id = d.id AND r.status = 'open' AND r.effect = 'wait')`;

const statusList = (list: readonly string[]) => sql`(${sql.join(list.map((s) => sql`${s}`), sql`, `)})`;

/**
 * One reminder per dossier waiting for its citizen (prepared, or sent back for more information) when
 * its confirmation deadline is near, in one statement. The outbox's dedupe key is per deadline: a
 * second run sends nothing, and a new deadline (more information asked) gets its own reminder.
 */
export async function queueReminders(db: Executor, opts: { today: string; origin: string }): Promise<number> {
  const names = sql.join(
    liveCatalogue().map((s) => sql`(${s.code}, ${s.shortName.vi})`),
    sql`, `,
  );
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH names(code, name) AS (VALUES ${names}),
    sms AS (
      INSERT INTO sms_outbox (dedupe_key, phone, body, dossier_id)
      SELECT 'reminder:' || d.id || ':' || d.confirm_deadline, c.phone,
        ${templateSql(smsTemplates.reminder.text, {
          salutation: salutationSql(sql`c.sex`, sql`c.birth_date`, opts.today),
          firstName: sql`unaccent_vi(regexp_replace(c.full_name, '^.*\\s', ''))`,
          service: sql`lower(unaccent_vi(n.name))`,
          deadline: sql`to_char(d.confirm_deadline, 'DD/MM')`,
          link: sql`${opts.origin} || '/s/' || l.code`,
          matchCode: sql`l.match_code`,
        })},
        d.id
      FROM dossiers d
      JOIN names n ON n.code = d.service_code
      JOIN citizens c ON c.id = d.owner_id
      JOIN deep_links l ON l.dossier_id = d.id
      WHERE d.status IN ${statusList(lifecycle.submitted.from)} AND c.phone IS NOT NULL
        AND d.confirm_deadline >= ${opts.today}::date
        AND d.confirm_deadline - ${opts.today}::date <= ${REMINDER_DAYS_BEFORE}
        AND d.awaiting_since < ${opts.today}::date
        AND NOT ${heldByCorrection}
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT count(*)::int AS n FROM sms`);
  return Number(row?.n ?? 0);
}

/**
 * Dossiers nobody confirmed by their deadline become `expired`: the lifecycle's one set-based move,
 * reading the same table as transition() (which statuses may expire, and that the engine does it).
 */
export async function expireUnconfirmed(db: Executor, opts: { today: string }): Promise<number> {
  const rule = lifecycle.expired;
  if (!rule.by.includes("engine") || rule.effects.length > 0 || rule.sms) throw new Error("expiry is set-based: no effects or SMS");
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH due AS (
      SELECT d.id, d.status FROM dossiers d
      WHERE status IN ${statusList(rule.from)} AND confirm_deadline < ${opts.today}::date AND NOT ${heldByCorrection}
      FOR UPDATE SKIP LOCKED
    ),
    expired AS (
      UPDATE dossiers d SET status = 'expired', version = d.version + 1, updated_at = ${clock.now()}
      FROM due WHERE d.id = due.id
      RETURNING d.id, due.status AS from_status
    ),
    events AS (
      INSERT INTO dossier_events (dossier_id, kind, from_status, to_status, actor_kind, note)
      SELECT id, 'status', from_status, 'expired', 'engine', NULL FROM expired
    )
    SELECT count(*)::int AS n FROM expired`);
  return Number(row?.n ?? 0);
}
