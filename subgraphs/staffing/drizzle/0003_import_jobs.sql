CREATE TABLE "staffing"."import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"actor" jsonb NOT NULL,
	"file_name" text,
	"file_bytes" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audit" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"logged_at" timestamp with time zone,
	"log_lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "import_jobs_unlogged_idx" ON "staffing"."import_jobs" USING btree ("finished_at") WHERE "staffing"."import_jobs"."logged_at" is null;