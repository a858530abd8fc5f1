import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { catalogue } from "../services/catalogue";
import { awaitingCitizenStatuses } from "../dossiers/status";

const REMINDER_DAYS_BEFORE = 7;

const TEMPLATE =
  "DVC Da Nang: Nhac {salutation} {firstName}: ho so {service} can xac nhan truoc {deadline}. Xem: {link} Ma doi chieu {matchCode}";

/**
 * One reminder per unconfirmed dossier when its confirmation deadline is near, in one statement;
 * the outbox's dedupe key makes a second run send nothing.
 */
export async function queueReminders(db: Executor, opts: { today: string; origin: string }): Promise<number> {
  const names = sql.join(
    catalogue.map((s) => sql`(${s.code}, ${s.shortName.vi})`),
    sql`, `,
  );
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH names(code, name) AS (VALUES ${names}),
    sms AS (
      INSERT INTO sms_outbox (dedupe_key, phone, body, dossier_id)
      SELECT 'reminder:' || d.id, c.phone,
        render_template(${TEMPLATE}, jsonb_build_object(
          'salutation', CASE c.sex WHEN 'male' THEN 'anh' ELSE 'chi' END,
          'firstName', unaccent_vi(regexp_replace(c.full_name, '^.*\\s', '')),
          'service', lower(unaccent_vi(n.name)),
          'deadline', to_char(d.confirm_deadline, 'DD/MM'),
          'link', ${opts.origin} || '/s/' || l.code,
          'matchCode', l.match_code)),
        d.id
      FROM dossiers d
      JOIN names n ON n.code = d.service_code
      JOIN citizens c ON c.id = d.owner_id
      JOIN deep_links l ON l.dossier_id = d.id
      WHERE d.status = 'prepared' AND c.phone IS NOT NULL
        AND d.confirm_deadline >= ${opts.today}::date
        AND d.confirm_deadline - ${opts.today}::date <= ${REMINDER_DAYS_BEFORE}
        AND (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < ${opts.today}::date
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT count(*)::int AS n FROM sms`);
  return Number(row?.n ?? 0);
}

/** Dossiers nobody confirmed by their deadline become `expired`, each with its event. */
export async function expireUnconfirmed(db: Executor, opts: { today: string }): Promise<number> {
  const awaiting = sql`(${sql.join(awaitingCitizenStatuses.map((s) => sql`${s}`), sql`, `)})`;
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH due AS (
      SELECT id, status FROM dossiers
      WHERE status IN ${awaiting} AND confirm_deadline < ${opts.today}::date
      FOR UPDATE SKIP LOCKED
    ),
    expired AS (
      UPDATE dossiers d SET status = 'expired', version = d.version + 1, updated_at = now()
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
