ALTER TABLE "data_access_log" DROP CONSTRAINT "data_access_log_citizen_id_citizens_id_fk";
--> statement-breakpoint
ALTER TABLE "data_access_log" DROP CONSTRAINT "data_access_log_dossier_id_dossiers_id_fk";
--> statement-breakpoint
-- The engine and reminders now compile each SMS template to one SQL concatenation (lib/sms/template-sql.ts).
DROP FUNCTION IF EXISTS render_template(text, jsonb);
