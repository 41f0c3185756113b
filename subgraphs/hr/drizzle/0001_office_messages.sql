CREATE TABLE "hr"."inbox_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"sender" text NOT NULL,
	"topic" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "hr"."outbox_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"recipient" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"result" jsonb,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "hr"."outbox_messages" USING btree ("next_attempt_at") WHERE "hr"."outbox_messages"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_messages_topic_idx" ON "hr"."outbox_messages" USING btree ("topic","created_at");