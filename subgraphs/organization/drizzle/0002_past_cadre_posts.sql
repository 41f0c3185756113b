CREATE TABLE "organization"."past_cadre_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"institution_credit_code" text NOT NULL,
	"post" text NOT NULL,
	"rank" text NOT NULL,
	"leadership" boolean NOT NULL,
	"appointed_on" date NOT NULL,
	"left_on" date NOT NULL,
	"document_number" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "past_cadre_posts_institution_idx" ON "organization"."past_cadre_posts" USING btree ("institution_credit_code");