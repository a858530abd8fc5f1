ALTER TABLE "onestop_links" ALTER COLUMN "checked_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "onestop_outbox" ALTER COLUMN "next_attempt_at" DROP DEFAULT;