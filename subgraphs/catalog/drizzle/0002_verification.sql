CREATE TABLE "catalog"."finding_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"finding_id" integer NOT NULL,
	"action" text NOT NULL,
	"office" text NOT NULL,
	"role" text NOT NULL,
	"sub" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"run_id" integer
);
--> statement-breakpoint
CREATE TABLE "catalog"."findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"offices" jsonb NOT NULL,
	"must_act" text NOT NULL,
	"credit_code" text,
	"id_number" text,
	"level" text,
	"system" text,
	"description" text NOT NULL,
	"values" jsonb NOT NULL,
	"status" text NOT NULL,
	"first_run_id" integer,
	"last_run_id" integer,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "findings_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "catalog"."run_findings" (
	"run_id" integer NOT NULL,
	"finding_id" integer NOT NULL,
	"change" text NOT NULL,
	CONSTRAINT "run_findings_run_id_finding_id_pk" PRIMARY KEY("run_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "catalog"."verification_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_value" text DEFAULT '' NOT NULL,
	"trigger" text NOT NULL,
	"period" text,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"worker" text,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finding_count" integer,
	"new_count" integer,
	"persisting_count" integer,
	"resolved_count" integer,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "finding_events_finding_idx" ON "catalog"."finding_events" USING btree ("finding_id","id");--> statement-breakpoint
CREATE INDEX "findings_institution_idx" ON "catalog"."findings" USING btree ("credit_code","id");--> statement-breakpoint
CREATE INDEX "findings_must_act_idx" ON "catalog"."findings" USING btree ("must_act","status","id");--> statement-breakpoint
CREATE INDEX "findings_person_idx" ON "catalog"."findings" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "run_findings_change_idx" ON "catalog"."run_findings" USING btree ("run_id","change");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_runs_active_scope_idx" ON "catalog"."verification_runs" USING btree ("scope_kind","scope_value") WHERE "catalog"."verification_runs"."status" in ('QUEUED', 'RUNNING');--> statement-breakpoint
CREATE UNIQUE INDEX "verification_runs_period_idx" ON "catalog"."verification_runs" USING btree ("scope_kind","scope_value","trigger","period") WHERE "catalog"."verification_runs"."period" is not null;--> statement-breakpoint
CREATE INDEX "verification_runs_status_idx" ON "catalog"."verification_runs" USING btree ("status","id");