CREATE TABLE "job_schedule" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_by" text
);
--> statement-breakpoint
-- Every status change (transition() is its only writer) is announced to the app instances listening
-- on 'dossier_status'; delivered at commit, so a rolled-back change is never heard. Code, status and
-- version only: no personal data travels on the channel.
CREATE FUNCTION notify_dossier_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dossier_status', json_build_object('id', NEW.id, 'code', NEW.code, 'status', NEW.status, 'version', NEW.version)::text);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER dossiers_notify_status AFTER UPDATE OF status ON dossiers
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION notify_dossier_status();
