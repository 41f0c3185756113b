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
CREATE INDEX "staffing_cards_person_idx" ON "finance"."staffing_cards" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_person_idx" ON "finance"."stop_pay_notices" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "stop_pay_notices_applied_idx" ON "finance"."stop_pay_notices" USING btree ("applied_at");