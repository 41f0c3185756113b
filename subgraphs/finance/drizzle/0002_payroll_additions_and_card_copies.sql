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
ALTER TABLE "finance"."payroll_records" ADD COLUMN "staffing_card_number" text;--> statement-breakpoint
ALTER TABLE "finance"."payroll_records" ADD COLUMN "paid_from_month" text;--> statement-breakpoint
CREATE INDEX "staffing_cards_person_idx" ON "finance"."staffing_cards" USING btree ("id_number");