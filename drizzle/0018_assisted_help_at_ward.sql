CREATE TABLE "assist_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer" text NOT NULL,
	"citizen_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grantor_id" text NOT NULL,
	"delegate_id" text NOT NULL,
	"dossier_id" uuid,
	"service_code" text,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "delegations_one_scope" CHECK ((dossier_id IS NULL) <> (service_code IS NULL))
);
--> statement-breakpoint
ALTER TABLE "assist_codes" ADD CONSTRAINT "assist_codes_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_grantor_id_citizens_id_fk" FOREIGN KEY ("grantor_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegate_id_citizens_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assist_codes_officer_idx" ON "assist_codes" USING btree ("officer","created_at");--> statement-breakpoint
CREATE INDEX "delegations_delegate_idx" ON "delegations" USING btree ("delegate_id");--> statement-breakpoint
CREATE INDEX "delegations_grantor_idx" ON "delegations" USING btree ("grantor_id");--> statement-breakpoint
-- The grants are their own audit record: the app may add one and mark it revoked, never delete or rewrite it.
REVOKE ALL ON delegations FROM chu_dong_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON delegations TO chu_dong_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON delegations TO chu_dong_app;
