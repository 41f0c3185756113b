CREATE TABLE "gateway"."idempotency_keys" (
	"caller_office" text NOT NULL,
	"caller_sub" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"response_status" integer,
	"response_body" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_caller_office_caller_sub_key_pk" PRIMARY KEY("caller_office","caller_sub","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "gateway"."idempotency_keys" USING btree ("expires_at");