CREATE SEQUENCE "public"."dossier_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "birth_notices" (
	"certificate_no" text PRIMARY KEY NOT NULL,
	"hospital" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"mother_id" text NOT NULL,
	"father_id" text,
	"weight_grams" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"phone" text,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"hometown" text,
	"address_line" text,
	"commune" text NOT NULL,
	"province" text NOT NULL,
	"passcode_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"citizen_id" text NOT NULL,
	"agency" text NOT NULL,
	"dataset" text NOT NULL,
	"purpose" text NOT NULL,
	"dossier_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deep_links" (
	"code" text PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"match_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deep_links_dossier_id_unique" UNIQUE("dossier_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_parties" (
	"dossier_id" uuid NOT NULL,
	"citizen_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "dossier_parties_dossier_id_citizen_id_pk" PRIMARY KEY("dossier_id","citizen_id")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text DEFAULT 'HS-' || to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(nextval('dossier_code_seq')::text, 6, '0') NOT NULL,
	"service_code" text NOT NULL,
	"owner_id" text NOT NULL,
	"subject_key" text NOT NULL,
	"trigger_period" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reason" jsonb NOT NULL,
	"prefilled" jsonb NOT NULL,
	"citizen_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confirm_deadline" date NOT NULL,
	"legal_deadline" date,
	"sla_due_date" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "engine_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_periods" (
	"year" integer PRIMARY KEY NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_relations" (
	"citizen_id" text NOT NULL,
	"relative_id" text NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "family_relations_citizen_id_relative_id_pk" PRIMARY KEY("citizen_id","relative_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"citizen_id" text NOT NULL,
	"action" text NOT NULL,
	"request_hash" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"holder_id" text NOT NULL,
	"subject" text,
	"issuer" text NOT NULL,
	"scope" text,
	"address" text,
	"expires_on" date NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"throttle_key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_auth_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"subject" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"code_challenge" text NOT NULL,
	"nonce" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"commune" text NOT NULL,
	"level" text DEFAULT 'primary' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"phone" text NOT NULL,
	"body" text NOT NULL,
	"dossier_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "sms_outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "social_protection_list" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_name" text NOT NULL,
	"year" integer NOT NULL,
	"household_head_id" text NOT NULL,
	"category" text NOT NULL,
	"members" integer NOT NULL,
	"commune" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "birth_notices" ADD CONSTRAINT "birth_notices_mother_id_citizens_id_fk" FOREIGN KEY ("mother_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_notices" ADD CONSTRAINT "birth_notices_father_id_citizens_id_fk" FOREIGN KEY ("father_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD CONSTRAINT "data_access_log_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD CONSTRAINT "data_access_log_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deep_links" ADD CONSTRAINT "deep_links_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_parties" ADD CONSTRAINT "dossier_parties_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_parties" ADD CONSTRAINT "dossier_parties_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_owner_id_citizens_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_relations" ADD CONSTRAINT "family_relations_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_relations" ADD CONSTRAINT "family_relations_relative_id_citizens_id_fk" FOREIGN KEY ("relative_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_holder_id_citizens_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_protection_list" ADD CONSTRAINT "social_protection_list_household_head_id_citizens_id_fk" FOREIGN KEY ("household_head_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_access_citizen_idx" ON "data_access_log" USING btree ("citizen_id","at");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE INDEX "dossier_parties_citizen_idx" ON "dossier_parties" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_trigger_key" ON "dossiers" USING btree ("service_code","subject_key","trigger_period");--> statement-breakpoint
CREATE INDEX "dossiers_owner_idx" ON "dossiers" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_kind_number_key" ON "licences" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "licences_kind_expires_idx" ON "licences" USING btree ("kind","expires_on");--> statement-breakpoint
CREATE INDEX "login_failures_key_idx" ON "login_failures" USING btree ("throttle_key","at");--> statement-breakpoint
CREATE INDEX "sms_outbox_phone_idx" ON "sms_outbox" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "social_list_key" ON "social_protection_list" USING btree ("list_name","year","household_head_id");