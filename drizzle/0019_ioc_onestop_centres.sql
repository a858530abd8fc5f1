CREATE TABLE "onestop_links" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"onestop_id" text NOT NULL,
	"receipt_no" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onestop_links_onestop_id_unique" UNIQUE("onestop_id")
);
--> statement-breakpoint
CREATE TABLE "onestop_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "onestop_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "onestop_status_updates" (
	"event_id" text PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"status" text NOT NULL,
	"outcome" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "centre_commune" text;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_links" ADD CONSTRAINT "onestop_links_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onestop_outbox" ADD CONSTRAINT "onestop_outbox_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onestop_status_updates" ADD CONSTRAINT "onestop_status_updates_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onestop_outbox_due_idx" ON "onestop_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "onestop_status_updates_dossier_idx" ON "onestop_status_updates" USING btree ("dossier_id");