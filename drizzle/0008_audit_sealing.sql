-- Audit trail without a lock on the write path (issue 12). Rows of dossier_events and data_access_log
-- are appended with their transaction id (tx) and sequence number (id) only; audit_seal() chains them
-- afterwards, in (tx, id) order, in batches ("seals"), up to the oldest transaction still running.
-- The per-row chain of 0006 took one head-row lock per table for the whole writing transaction.
DROP TRIGGER dossier_events_chain ON dossier_events;
--> statement-breakpoint
DROP TRIGGER data_access_log_chain ON data_access_log;
--> statement-breakpoint
DROP TRIGGER dossier_events_chain_head ON dossier_events;
--> statement-breakpoint
DROP TRIGGER data_access_log_chain_head ON data_access_log;
--> statement-breakpoint
DROP FUNCTION dossier_events_chain();
--> statement-breakpoint
DROP FUNCTION data_access_log_chain();
--> statement-breakpoint
DROP FUNCTION audit_chain_flush();
--> statement-breakpoint
DROP FUNCTION audit_chain_advance(text, bigint, text);
--> statement-breakpoint
DROP FUNCTION audit_chain_next(text);
--> statement-breakpoint
DROP FUNCTION audit_chain_claim(text);
--> statement-breakpoint
DROP TABLE audit_chain_heads;
--> statement-breakpoint
ALTER TABLE dossier_events DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash;
--> statement-breakpoint
ALTER TABLE data_access_log DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash;
--> statement-breakpoint
-- Rows already there belong to transaction 0: they are sealed first, in id order.
ALTER TABLE dossier_events ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
--> statement-breakpoint
ALTER TABLE dossier_events ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
--> statement-breakpoint
ALTER TABLE data_access_log ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
--> statement-breakpoint
ALTER TABLE data_access_log ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX dossier_events_seal_idx ON dossier_events (tx, id);
--> statement-breakpoint
CREATE INDEX data_access_log_seal_idx ON data_access_log (tx, id);
--> statement-breakpoint
-- The canonical content of a row: a JSON array in a fixed column order, timestamps in UTC.
CREATE OR REPLACE FUNCTION audit_content_dossier_event(e dossier_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.id, e.dossier_id, e.kind, e.from_status, e.to_status, e.actor_kind, e.actor_id, e.note, e.data,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_content_data_access(d data_access_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    d.id, d.citizen_id, d.agency, d.dataset, d.purpose, d.dossier_id,
    to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;
--> statement-breakpoint
-- One seal covers the rows after the previous seal's (last_tx, last_id) up to its own, in (tx, id)
-- order: hash = sha256(prev_hash || '\n' || content_1 || '\n' || … || content_n).
CREATE TABLE audit_seals (
  table_name text NOT NULL,
  seq bigint NOT NULL,
  last_tx xid8 NOT NULL,
  last_id bigint NOT NULL,
  row_count integer NOT NULL,
  total_rows bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_seals_table_name_seq_pk PRIMARY KEY (table_name, seq)
);
--> statement-breakpoint
-- Seals up to max_rows of one table and answers how many. Only rows of transactions older than every
-- transaction still running (the snapshot's xmin) are taken: those have all committed or rolled back,
-- and no later transaction can get a smaller id, so a late commit is never skipped. Two sealers at
-- once: the second finds the advisory lock taken and seals nothing. SECURITY DEFINER: the app's role
-- may not write audit_seals itself.
CREATE OR REPLACE FUNCTION audit_seal(tbl text, max_rows integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
  head audit_seals;
  content_fn text;
  batch record;
BEGIN
  content_fn := CASE tbl WHEN 'dossier_events' THEN 'audit_content_dossier_event' WHEN 'data_access_log' THEN 'audit_content_data_access' END;
  IF content_fn IS NULL THEN
    RAISE EXCEPTION '% is not an audited table', tbl;
  END IF;
  IF NOT pg_try_advisory_xact_lock(4820002, hashtext(tbl)) THEN
    RETURN 0;
  END IF;
  SELECT * INTO head FROM audit_seals WHERE table_name = tbl ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND THEN
    head.seq := 0; head.last_tx := '0'; head.last_id := 0; head.total_rows := 0; head.hash := repeat('0', 64);
  END IF;
  EXECUTE format($q$
    WITH b AS (
      SELECT r.tx, r.id, %I(r) AS content FROM %I r
      WHERE (r.tx, r.id) > ($1, $2) AND r.tx < $3
      ORDER BY r.tx, r.id LIMIT $4
    )
    SELECT count(*)::int AS n,
      (SELECT tx FROM b ORDER BY tx DESC, id DESC LIMIT 1) AS last_tx,
      (SELECT id FROM b ORDER BY tx DESC, id DESC LIMIT 1) AS last_id,
      encode(sha256(convert_to($5 || E'\n' || string_agg(content, E'\n' ORDER BY tx, id), 'UTF8')), 'hex') AS hash
    FROM b
  $q$, content_fn, tbl) INTO batch USING head.last_tx, head.last_id, horizon, max_rows, head.hash;
  IF batch.n = 0 THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_seals (table_name, seq, last_tx, last_id, row_count, total_rows, prev_hash, hash)
  VALUES (tbl, head.seq + 1, batch.last_tx, batch.last_id, batch.n, head.total_rows + batch.n, head.hash, batch.hash);
  RETURN batch.n;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE: a statement guard on every audit table.
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER data_access_log_no_truncate BEFORE TRUNCATE ON data_access_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
-- Least privilege (PostgreSQL; PGlite has one role). The migrating role owns every table; the app's
-- login role is a member of chu_dong_app, which may read and write the working tables but only read
-- the audit tables and append to them, without choosing tx. No UPDATE, DELETE, TRUNCATE or ALTER.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chu_dong_app') THEN
    BEGIN
      CREATE ROLE chu_dong_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database of the cluster migrated at the same moment
    END;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO chu_dong_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO chu_dong_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO chu_dong_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO chu_dong_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO chu_dong_app;
--> statement-breakpoint
REVOKE ALL ON dossier_events, data_access_log, audit_seals FROM chu_dong_app;
--> statement-breakpoint
GRANT SELECT ON dossier_events, data_access_log, audit_seals TO chu_dong_app;
--> statement-breakpoint
GRANT INSERT (id, dossier_id, kind, from_status, to_status, actor_kind, actor_id, note, data, at) ON dossier_events TO chu_dong_app;
--> statement-breakpoint
GRANT INSERT (id, citizen_id, agency, dataset, purpose, dossier_id, at) ON data_access_log TO chu_dong_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_seal(text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_seal(text, integer) TO chu_dong_app;
--> statement-breakpoint
-- The app checks, without migrating, that the schema is current.
GRANT USAGE ON SCHEMA drizzle TO chu_dong_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO chu_dong_app;
