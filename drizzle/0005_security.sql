CREATE TABLE "audit_chain_heads" (
	"table_name" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"jti" text PRIMARY KEY NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_access_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "rate_limit_windows_start_idx" ON "rate_limit_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires_idx" ON "revoked_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_access_log_chain_seq_key" ON "data_access_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_chain_seq_key" ON "dossier_events" USING btree ("chain_seq");