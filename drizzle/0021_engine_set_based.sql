ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_receipt_no_unique";--> statement-breakpoint
ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_verify_code_unique";--> statement-breakpoint
ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_provisional_code_unique";--> statement-breakpoint
ALTER TABLE "deep_links" DROP CONSTRAINT "deep_links_dossier_id_dossiers_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_parties" DROP CONSTRAINT "dossier_parties_dossier_id_dossiers_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_parties" DROP CONSTRAINT "dossier_parties_citizen_id_citizens_id_fk";
--> statement-breakpoint
ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_owner_id_citizens_id_fk";
--> statement-breakpoint
DROP INDEX "licences_kind_expires_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_receipt_no_key" ON "dossiers" USING btree ("receipt_no") WHERE receipt_no IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_verify_code_key" ON "dossiers" USING btree ("verify_code") WHERE verify_code IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_provisional_code_key" ON "dossiers" USING btree ("provisional_code") WHERE provisional_code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "licences_kind_expires_id_idx" ON "licences" USING btree ("kind","expires_on","id");--> statement-breakpoint
-- Dossier owners, parties and deep links keep no foreign key: the engine writes them in the statement
-- that creates the dossier, from the citizens it has just read. What they name is never deleted: refused here.
CREATE OR REPLACE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% keeps its rows: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_no_delete BEFORE DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER dossiers_no_truncate BEFORE TRUNCATE ON dossiers FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER citizens_no_delete BEFORE DELETE ON citizens FOR EACH ROW EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER citizens_no_truncate BEFORE TRUNCATE ON citizens FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
