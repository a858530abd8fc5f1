ALTER TABLE "officers" ADD COLUMN "sessions_not_before" timestamp with time zone;--> statement-breakpoint
-- login_failures now keys accounts by an HMAC of the id; rows written before held the id itself (at most five minutes' worth).
DELETE FROM "login_failures" WHERE "throttle_key" LIKE 'id:%';
