CREATE TABLE "staffing"."document_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE TABLE "staffing"."hiring_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"persons" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"refusal_reason" text
);
--> statement-breakpoint
CREATE TABLE "staffing"."hiring_approval_uses" (
	"approval_form_number" text NOT NULL,
	"id_number" text NOT NULL,
	"outcome" text NOT NULL,
	"refusal_code" text,
	"staffing_card_number" text,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hiring_approval_uses_approval_form_number_id_number_pk" PRIMARY KEY("approval_form_number","id_number")
);
--> statement-breakpoint
CREATE TABLE "staffing"."hiring_approvals" (
	"approval_form_number" text PRIMARY KEY NOT NULL,
	"audit_notice_number" text NOT NULL,
	"application_id" integer,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"persons" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"approved_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" text NOT NULL,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"withdrawal_document_number" text,
	"released_persons" integer,
	CONSTRAINT "hiring_approvals_audit_notice_number_unique" UNIQUE("audit_notice_number"),
	CONSTRAINT "hiring_approvals_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "staffing"."monthly_removal_reports" (
	"institution_credit_code" text NOT NULL,
	"month" text NOT NULL,
	"removal_count" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	CONSTRAINT "monthly_removal_reports_institution_credit_code_month_pk" PRIMARY KEY("institution_credit_code","month")
);
--> statement-breakpoint
CREATE TABLE "staffing"."quota_ceilings" (
	"level" text NOT NULL,
	"category" text NOT NULL,
	"ceiling" integer NOT NULL,
	"document_number" text NOT NULL,
	"set_on" date NOT NULL,
	CONSTRAINT "quota_ceilings_level_category_pk" PRIMARY KEY("level","category")
);
--> statement-breakpoint
CREATE TABLE "staffing"."quota_movements" (
	"document_number" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"amount" integer NOT NULL,
	"from_credit_code" text,
	"to_credit_code" text,
	"from_level" text NOT NULL,
	"to_level" text NOT NULL,
	"priority_field" text,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"person_id_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quota_movements_amount_check" CHECK ("staffing"."quota_movements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "staffing"."staffing_card_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"document_number" text,
	"institution_credit_code" text NOT NULL,
	"from_institution_credit_code" text,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing"."stop_pay_notices" (
	"number" text PRIMARY KEY NOT NULL,
	"removal_id" integer NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"stop_from_month" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"message_id" text NOT NULL,
	CONSTRAINT "stop_pay_notices_removal_id_unique" UNIQUE("removal_id"),
	CONSTRAINT "stop_pay_notices_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "staffing"."unit_freezes" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_credit_code" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by" text NOT NULL,
	"reason" text NOT NULL,
	"document_number" text NOT NULL,
	"unfrozen_at" timestamp with time zone,
	"unfrozen_by" text,
	"unfreeze_reason" text,
	"unfreeze_document_number" text
);
--> statement-breakpoint
CREATE TABLE "staffing"."vacancy_pool" (
	"category" text NOT NULL,
	"level" text NOT NULL,
	"available" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vacancy_pool_category_level_pk" PRIMARY KEY("category","level"),
	CONSTRAINT "vacancy_pool_available_check" CHECK ("staffing"."vacancy_pool"."available" >= 0)
);
--> statement-breakpoint
ALTER TABLE "staffing"."quotas" ADD COLUMN "vacant_since" date;--> statement-breakpoint
CREATE INDEX "hiring_applications_institution_idx" ON "staffing"."hiring_applications" USING btree ("institution_credit_code","status");--> statement-breakpoint
CREATE INDEX "hiring_applications_status_idx" ON "staffing"."hiring_applications" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "hiring_approvals_institution_idx" ON "staffing"."hiring_approvals" USING btree ("institution_credit_code","category");--> statement-breakpoint
CREATE INDEX "hiring_approvals_approved_on_idx" ON "staffing"."hiring_approvals" USING btree ("approved_on");--> statement-breakpoint
CREATE INDEX "monthly_removal_reports_month_idx" ON "staffing"."monthly_removal_reports" USING btree ("month");--> statement-breakpoint
CREATE INDEX "quota_movements_from_idx" ON "staffing"."quota_movements" USING btree ("from_credit_code");--> statement-breakpoint
CREATE INDEX "quota_movements_to_idx" ON "staffing"."quota_movements" USING btree ("to_credit_code");--> statement-breakpoint
CREATE INDEX "staffing_card_events_card_idx" ON "staffing"."staffing_card_events" USING btree ("card_number","id");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_issued_idx" ON "staffing"."stop_pay_notices" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_institution_idx" ON "staffing"."stop_pay_notices" USING btree ("institution_credit_code");--> statement-breakpoint
CREATE INDEX "unit_freezes_institution_idx" ON "staffing"."unit_freezes" USING btree ("institution_credit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_freezes_open_idx" ON "staffing"."unit_freezes" USING btree ("institution_credit_code") WHERE "staffing"."unit_freezes"."unfrozen_at" is null;