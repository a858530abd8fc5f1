-- Audit trail: dossier_events and data_access_log are append-only in the database itself, and each
-- row is chained to the one before it (hash = sha256(prev_hash || '\n' || canonical content)), so an
-- edit, a deletion or a gap is detectable by `npm run verify:audit-trail`. Built-ins only (sha256,
-- jsonb, plpgsql): the same SQL runs on PGlite and PostgreSQL.
CREATE OR REPLACE FUNCTION audit_hash(prev text, content text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || E'\n' || content, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The canonical content of a row: a JSON array in a fixed column order, timestamps in UTC.
CREATE OR REPLACE FUNCTION audit_content_dossier_event(e dossier_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.chain_seq, e.id, e.dossier_id, e.kind, e.from_status, e.to_status, e.actor_kind, e.actor_id, e.note, e.data,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_content_data_access(d data_access_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    d.chain_seq, d.id, d.citizen_id, d.agency, d.dataset, d.purpose, d.dossier_id,
    to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;
--> statement-breakpoint
-- Locks the chain's head row until the transaction ends: concurrent inserts take turns, so the chain
-- has no fork. A missing head (a fresh or truncated database) starts at the genesis hash.
CREATE OR REPLACE FUNCTION audit_chain_claim(tbl text) RETURNS audit_chain_heads LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_heads;
BEGIN
  SELECT * INTO head FROM audit_chain_heads WHERE table_name = tbl FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (table_name, seq, hash) VALUES (tbl, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chain_heads WHERE table_name = tbl FOR UPDATE;
  END IF;
  RETURN head;
END
$$;
--> statement-breakpoint
-- The next link: the head is read (and locked) once per transaction, then carried in transaction-local
-- settings, so a bulk insert costs one sha256 per row and not one head update per row. Settings and
-- the head both roll back with a savepoint, so they never disagree.
CREATE OR REPLACE FUNCTION audit_chain_next(tbl text, OUT seq bigint, OUT prev text) LANGUAGE plpgsql AS $$
DECLARE
  xid text := pg_current_xact_id()::text;
  head audit_chain_heads;
BEGIN
  IF current_setting('chu_dong.chain_xid_' || tbl, true) IS DISTINCT FROM xid THEN
    head := audit_chain_claim(tbl);
    PERFORM set_config('chu_dong.chain_xid_' || tbl, xid, true);
    PERFORM set_config('chu_dong.chain_seq_' || tbl, head.seq::text, true);
    PERFORM set_config('chu_dong.chain_hash_' || tbl, head.hash, true);
  END IF;
  seq := current_setting('chu_dong.chain_seq_' || tbl)::bigint + 1;
  prev := current_setting('chu_dong.chain_hash_' || tbl);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_advance(tbl text, seq bigint, hash text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('chu_dong.chain_seq_' || tbl, seq::text, true);
  PERFORM set_config('chu_dong.chain_hash_' || tbl, hash, true);
END
$$;
--> statement-breakpoint
-- After each INSERT statement: the head table takes the chain's new end (once per statement).
CREATE OR REPLACE FUNCTION audit_chain_flush() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('chu_dong.chain_xid_' || TG_TABLE_NAME, true) = pg_current_xact_id()::text THEN
    UPDATE audit_chain_heads
    SET seq = current_setting('chu_dong.chain_seq_' || TG_TABLE_NAME)::bigint, hash = current_setting('chu_dong.chain_hash_' || TG_TABLE_NAME)
    WHERE table_name = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  link record;
BEGIN
  link := audit_chain_next(TG_TABLE_NAME);
  NEW.chain_seq := link.seq;
  NEW.prev_hash := link.prev;
  NEW.hash := audit_hash(link.prev, audit_content_dossier_event(NEW));
  PERFORM audit_chain_advance(TG_TABLE_NAME, NEW.chain_seq, NEW.hash);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  link record;
BEGIN
  link := audit_chain_next(TG_TABLE_NAME);
  NEW.chain_seq := link.seq;
  NEW.prev_hash := link.prev;
  NEW.hash := audit_hash(link.prev, audit_content_data_access(NEW));
  PERFORM audit_chain_advance(TG_TABLE_NAME, NEW.chain_seq, NEW.hash);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- Chain the rows already there, in id order, before the guards go on.
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  n bigint := 0;
  h text;
BEGIN
  FOR r IN SELECT id FROM dossier_events ORDER BY id LOOP
    n := n + 1;
    UPDATE dossier_events SET chain_seq = n, prev_hash = prev WHERE id = r.id;
    SELECT audit_hash(prev, audit_content_dossier_event(e)) INTO h FROM dossier_events e WHERE e.id = r.id;
    UPDATE dossier_events SET hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_heads (table_name, seq, hash) VALUES ('dossier_events', n, prev);

  prev := repeat('0', 64);
  n := 0;
  FOR r IN SELECT id FROM data_access_log ORDER BY id LOOP
    n := n + 1;
    UPDATE data_access_log SET chain_seq = n, prev_hash = prev WHERE id = r.id;
    SELECT audit_hash(prev, audit_content_data_access(d)) INTO h FROM data_access_log d WHERE d.id = r.id;
    UPDATE data_access_log SET hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_heads (table_name, seq, hash) VALUES ('data_access_log', n, prev);
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_chain BEFORE INSERT ON dossier_events FOR EACH ROW EXECUTE FUNCTION dossier_events_chain();
--> statement-breakpoint
CREATE TRIGGER data_access_log_chain BEFORE INSERT ON data_access_log FOR EACH ROW EXECUTE FUNCTION data_access_log_chain();
--> statement-breakpoint
CREATE TRIGGER dossier_events_chain_head AFTER INSERT ON dossier_events FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_flush();
--> statement-breakpoint
CREATE TRIGGER data_access_log_chain_head AFTER INSERT ON data_access_log FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_flush();
--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER data_access_log_append_only BEFORE UPDATE OR DELETE ON data_access_log FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
-- A head is only ever advanced by the chain triggers; deleting one would let the chain restart unnoticed.
CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads FOR EACH ROW EXECUTE FUNCTION audit_append_only();
