CREATE TABLE "correction_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"citizen_id" text NOT NULL,
	"field_key" text NOT NULL,
	"dataset" text NOT NULL,
	"agency" text NOT NULL,
	"effect" text NOT NULL,
	"reason" text NOT NULL,
	"reported_value" text,
	"status" text DEFAULT 'open' NOT NULL,
	"corrected_value" text,
	"answer" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "collect_at" text;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correction_requests_one_open_key" ON "correction_requests" USING btree ("dossier_id","field_key") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "correction_requests_agency_idx" ON "correction_requests" USING btree ("agency","status");