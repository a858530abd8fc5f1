CREATE TABLE "ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "receipt_no" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "verify_code" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "commune" text;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receipt_no_unique" UNIQUE("receipt_no");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_verify_code_unique" UNIQUE("verify_code");