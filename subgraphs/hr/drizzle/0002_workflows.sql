CREATE TABLE "hr"."hires" (
	"id" serial PRIMARY KEY NOT NULL,
	"approval_form_number" text NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"political_status" text NOT NULL,
	"post" text NOT NULL,
	"work_start_date" date NOT NULL,
	"unit_join_date" date NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"staffing_card_number" text
);
--> statement-breakpoint
CREATE TABLE "hr"."hiring_approvals" (
	"approval_form_number" text PRIMARY KEY NOT NULL,
	"audit_notice_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"persons" integer NOT NULL,
	"approved_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"hired" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"withdrawal_document_number" text
);
--> statement-breakpoint
CREATE TABLE "hr"."import_jobs" (
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
CREATE TABLE "hr"."staffing_cards" (
	"number" text PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"issued_on" date NOT NULL,
	"approval_form_number" text,
	"status" text NOT NULL,
	"cancelled_on" date
);
--> statement-breakpoint
ALTER TABLE "hr"."persons" ADD COLUMN "work_start_date" date;--> statement-breakpoint
CREATE UNIQUE INDEX "hires_approval_person_idx" ON "hr"."hires" USING btree ("approval_form_number","id_number");--> statement-breakpoint
CREATE INDEX "hires_person_idx" ON "hr"."hires" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "import_jobs_unlogged_idx" ON "hr"."import_jobs" USING btree ("finished_at") WHERE "hr"."import_jobs"."logged_at" is null;--> statement-breakpoint
CREATE INDEX "staffing_cards_person_idx" ON "hr"."staffing_cards" USING btree ("id_number");