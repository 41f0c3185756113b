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
	"occurred_on" date NOT NULL,
	"document_number" text,
	"from_credit_code" text,
	"to_credit_code" text
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
CREATE INDEX "quota_movements_from_idx" ON "staffing"."quota_movements" USING btree ("from_credit_code");--> statement-breakpoint
CREATE INDEX "quota_movements_to_idx" ON "staffing"."quota_movements" USING btree ("to_credit_code");--> statement-breakpoint
CREATE INDEX "staffing_card_events_card_idx" ON "staffing"."staffing_card_events" USING btree ("card_number");