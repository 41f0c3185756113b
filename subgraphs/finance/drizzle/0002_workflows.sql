CREATE TABLE "finance"."import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"actor" jsonb NOT NULL,
	"file_name" text,
	"file_bytes" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audit" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"logged_at" timestamp with time zone,
	"log_lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "finance"."staffing_cards" (
	"number" text PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" text NOT NULL,
	"cancelled_on" date
);
--> statement-breakpoint
CREATE TABLE "finance"."stop_pay_notices" (
	"notice_number" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"stop_from_month" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"paid_through_month" text,
	CONSTRAINT "stop_pay_notices_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "finance"."payroll_records" ADD COLUMN "staffing_card_number" text;--> statement-breakpoint
ALTER TABLE "finance"."payroll_records" ADD COLUMN "paid_from_month" text;--> statement-breakpoint
ALTER TABLE "finance"."payroll_records" ADD COLUMN "stopped_from_month" text;--> statement-breakpoint
CREATE INDEX "import_jobs_unlogged_idx" ON "finance"."import_jobs" USING btree ("finished_at") WHERE "finance"."import_jobs"."logged_at" is null;--> statement-breakpoint
CREATE INDEX "staffing_cards_person_idx" ON "finance"."staffing_cards" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_person_idx" ON "finance"."stop_pay_notices" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_applied_idx" ON "finance"."stop_pay_notices" USING btree ("applied_at");