CREATE SCHEMA "finance";
--> statement-breakpoint
CREATE TABLE "finance"."budget_units" (
	"code" text PRIMARY KEY NOT NULL,
	"institution_credit_code" text NOT NULL,
	"name" text NOT NULL,
	"funding_form" text NOT NULL,
	"budgeted_headcount" integer NOT NULL,
	CONSTRAINT "budget_units_institution_credit_code_unique" UNIQUE("institution_credit_code")
);
--> statement-breakpoint
CREATE TABLE "finance"."payroll_records" (
	"id_number" text PRIMARY KEY NOT NULL,
	"name_on_record" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"on_payroll" boolean NOT NULL,
	"last_paid_month" text,
	"budget_line" text NOT NULL,
	"monthly_gross_pay" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payroll_records_institution_idx" ON "finance"."payroll_records" USING btree ("institution_credit_code");