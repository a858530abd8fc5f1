CREATE TABLE "parent_responses" (
	"submission_event_id" bigint PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"citizen_id" text NOT NULL,
	"answer" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	"settled_by" text,
	"settlement" text
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "objection_until" date;--> statement-breakpoint
ALTER TABLE "parent_responses" ADD CONSTRAINT "parent_responses_submission_event_id_dossier_events_id_fk" FOREIGN KEY ("submission_event_id") REFERENCES "public"."dossier_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_responses" ADD CONSTRAINT "parent_responses_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_responses" ADD CONSTRAINT "parent_responses_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;