CREATE SCHEMA "gateway";
--> statement-breakpoint
CREATE TABLE "gateway"."operation_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"actor_office" text,
	"actor_role" text,
	"actor_sub" text,
	"actor_unit" text,
	"operation_name" text,
	"coordinates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows_returned" integer,
	"purpose" text,
	"case_number" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "operation_log_actor_idx" ON "gateway"."operation_log" USING btree ("actor_office","actor_sub");--> statement-breakpoint
CREATE INDEX "operation_log_kind_idx" ON "gateway"."operation_log" USING btree ("kind","at");