CREATE SCHEMA "organization";
--> statement-breakpoint
CREATE TABLE "organization"."cadres" (
	"id_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"post" text NOT NULL,
	"rank" text NOT NULL,
	"leadership" boolean NOT NULL,
	"appointed_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cadres_institution_idx" ON "organization"."cadres" USING btree ("institution_credit_code");