CREATE TABLE "staffing"."document_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_series_year_pk" PRIMARY KEY("series","year")
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
CREATE INDEX "monthly_removal_reports_month_idx" ON "staffing"."monthly_removal_reports" USING btree ("month");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_issued_idx" ON "staffing"."stop_pay_notices" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_institution_idx" ON "staffing"."stop_pay_notices" USING btree ("institution_credit_code");