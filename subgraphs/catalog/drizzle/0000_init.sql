CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."access_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_code" text NOT NULL,
	"requester_office" text NOT NULL,
	"requester_sub" text NOT NULL,
	"purpose" text NOT NULL,
	"case_number" text,
	"coordinates" jsonb NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "catalog"."catalog_entries" (
	"code" text PRIMARY KEY NOT NULL,
	"classification" text NOT NULL,
	"name" text NOT NULL,
	"provider_office" text NOT NULL,
	"provider_code" text NOT NULL,
	"summary" text NOT NULL,
	"format" text NOT NULL,
	"share_type" text NOT NULL,
	"share_conditions" text,
	"share_method" text NOT NULL,
	"open" boolean NOT NULL,
	"update_cycle" text NOT NULL,
	"published_on" date NOT NULL,
	"related_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis" text,
	"maintainer" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."catalog_items" (
	"coordinate" text PRIMARY KEY NOT NULL,
	"entry_code" text NOT NULL,
	"name" text NOT NULL,
	"data_type" text NOT NULL,
	"sensitivity" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."catalog_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_code" text NOT NULL,
	"version" integer NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."grants" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"entry_code" text NOT NULL,
	"grantee_office" text NOT NULL,
	"coordinates" jsonb NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE INDEX "access_requests_entry_idx" ON "catalog"."access_requests" USING btree ("entry_code","status");--> statement-breakpoint
CREATE INDEX "catalog_items_entry_idx" ON "catalog"."catalog_items" USING btree ("entry_code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_entry_version_idx" ON "catalog"."catalog_versions" USING btree ("entry_code","version");--> statement-breakpoint
CREATE INDEX "grants_grantee_idx" ON "catalog"."grants" USING btree ("grantee_office");