CREATE TABLE "death_notices" (
	"certificate_no" text PRIMARY KEY NOT NULL,
	"deceased_id" text NOT NULL,
	"declarant_id" text NOT NULL,
	"died_on" date NOT NULL,
	"place" text NOT NULL,
	"pensioner" text DEFAULT 'no' NOT NULL,
	"pension_no" text,
	"social_allowance" text DEFAULT 'no' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_reminders" (
	"citizen_id" text NOT NULL,
	"service_code" text NOT NULL,
	"subject_key" text NOT NULL,
	"trigger_period" text NOT NULL,
	"remind_on" date NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_reminders_citizen_id_service_code_subject_key_trigger_period_pk" PRIMARY KEY("citizen_id","service_code","subject_key","trigger_period")
);
--> statement-breakpoint
CREATE TABLE "service_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_rollout" (
	"service_code" text NOT NULL,
	"commune" text NOT NULL,
	"enabled" integer NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_rollout_service_code_commune_pk" PRIMARY KEY("service_code","commune")
);
--> statement-breakpoint
CREATE TABLE "service_versions" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"agency" text NOT NULL,
	"proposed_by" text NOT NULL,
	"communes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_versions_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "service_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "death_notices" ADD CONSTRAINT "death_notices_deceased_id_citizens_id_fk" FOREIGN KEY ("deceased_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "death_notices" ADD CONSTRAINT "death_notices_declarant_id_citizens_id_fk" FOREIGN KEY ("declarant_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_reminders" ADD CONSTRAINT "household_reminders_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_events_code_idx" ON "service_events" USING btree ("code","id");