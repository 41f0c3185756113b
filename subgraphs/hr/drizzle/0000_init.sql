CREATE SCHEMA "hr";
--> statement-breakpoint
CREATE TABLE "hr"."employments" (
	"id_number" text PRIMARY KEY NOT NULL,
	"institution_credit_code" text NOT NULL,
	"type" text NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hr"."insurances" (
	"id_number" text PRIMARY KEY NOT NULL,
	"pension_account" text NOT NULL,
	"enrolled" boolean NOT NULL,
	"occupational_annuity" boolean NOT NULL,
	"since" date
);
--> statement-breakpoint
CREATE TABLE "hr"."persons" (
	"id_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ethnicity" text NOT NULL,
	"native_place" text NOT NULL,
	"education" text,
	"degree" text,
	"title_name" text,
	"title_level" text
);
--> statement-breakpoint
CREATE INDEX "employments_institution_idx" ON "hr"."employments" USING btree ("institution_credit_code","type");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "hr"."persons" USING btree ("name");