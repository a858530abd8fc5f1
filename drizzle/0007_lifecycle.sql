ALTER TABLE "dossiers" ADD COLUMN "awaiting_since" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "provisional_code" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_provisional_code_unique" UNIQUE("provisional_code");--> statement-breakpoint
UPDATE "dossiers" SET "awaiting_since" = ("created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE "status" IN ('prepared', 'needs_info');
