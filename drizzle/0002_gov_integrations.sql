CREATE TABLE "agency_api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"label" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "agency_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "construction_intents" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"parcel" text NOT NULL,
	"address" text NOT NULL,
	"filed_on" date NOT NULL,
	CONSTRAINT "construction_intents_parcel_unique" UNIQUE("parcel")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"dataset" text NOT NULL,
	"accepted" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"username" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"agency" text NOT NULL,
	"password_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "gateway_message_id" text;--> statement-breakpoint
ALTER TABLE "construction_intents" ADD CONSTRAINT "construction_intents_owner_id_citizens_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_outbox_due_idx" ON "sms_outbox" USING btree ("status","next_attempt_at");