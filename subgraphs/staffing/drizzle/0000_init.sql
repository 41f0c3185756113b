CREATE SCHEMA "staffing";
--> statement-breakpoint
CREATE TABLE "staffing"."institutions" (
	"credit_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"system" text NOT NULL,
	"funding_form" text NOT NULL,
	"parent_credit_code" text,
	"leadership_posts_approved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing"."ledger_entries" (
	"id_number" text PRIMARY KEY NOT NULL,
	"institution_credit_code" text NOT NULL,
	"quota_category" text NOT NULL,
	"name" text NOT NULL,
	"ethnicity" text NOT NULL,
	"native_place" text NOT NULL,
	"political_status" text NOT NULL,
	"post" text NOT NULL,
	"work_start_date" date NOT NULL,
	"unit_join_date" date NOT NULL,
	"staffing_card_number" text
);
--> statement-breakpoint
CREATE TABLE "staffing"."quotas" (
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"approved" integer NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quotas_institution_credit_code_category_pk" PRIMARY KEY("institution_credit_code","category")
);
--> statement-breakpoint
CREATE TABLE "staffing"."removals" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"reported_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing"."staffing_cards" (
	"number" text PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"category" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "institutions_parent_idx" ON "staffing"."institutions" USING btree ("parent_credit_code");--> statement-breakpoint
CREATE INDEX "institutions_filter_idx" ON "staffing"."institutions" USING btree ("kind","level","system");--> statement-breakpoint
CREATE INDEX "ledger_entries_institution_idx" ON "staffing"."ledger_entries" USING btree ("institution_credit_code","quota_category");--> statement-breakpoint
CREATE INDEX "removals_person_idx" ON "staffing"."removals" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "staffing_cards_person_idx" ON "staffing"."staffing_cards" USING btree ("id_number");