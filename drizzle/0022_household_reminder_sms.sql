-- Opt-ins made before reminders were sent asked for "7 days before": keep that promise for them.
ALTER TABLE "household_reminders" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "household_reminders" ADD COLUMN "prepare_on" date;--> statement-breakpoint
UPDATE "household_reminders" SET "prepare_on" = "remind_on" + 7, "due_on" = "remind_on" + 7;--> statement-breakpoint
ALTER TABLE "household_reminders" ALTER COLUMN "due_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "household_reminders" ALTER COLUMN "prepare_on" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "household_reminders_due_idx" ON "household_reminders" USING btree ("remind_on") WHERE "household_reminders"."sent_at" IS NULL;
