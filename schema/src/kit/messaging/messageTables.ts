import { index, integer, jsonb, type PgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * An office's outbox and inbox (DESIGN §5), in the office's own Postgres schema: the same two tables
 * in every office that sends or receives messages, so one kit reads them all.
 *
 * - `outbox_messages`: written in the transaction that makes the change the message tells of, so a
 *   change without its message (or a message without its change) cannot be committed. The relay
 *   claims due rows (`next_attempt_at` passed, not delivered), each claim pushing `next_attempt_at`
 *   back by the retry delay: a relay that dies mid-delivery leaves the message to be retried then.
 * - `inbox_messages`: one row per message id received; the row and the message's effect commit
 *   together, so a message delivered twice takes effect once.
 */
export function officeMessageTables(schema: PgSchema) {
  const outboxMessages = schema.table(
    'outbox_messages',
    {
      id: text('id').primaryKey(),
      topic: text('topic').notNull(),
      recipient: text('recipient').notNull(),
      payload: jsonb('payload').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
      deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
      /** When the recipient applied it, as the recipient reports (the first delivery's, for a duplicate). */
      appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
      /** What the recipient answered (its handler's result). */
      result: jsonb('result'),
      lastError: text('last_error'),
    },
    (t) => [
      index('outbox_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
      index('outbox_messages_topic_idx').on(t.topic, t.createdAt),
    ],
  );
  const inboxMessages = schema.table('inbox_messages', {
    messageId: text('message_id').primaryKey(),
    sender: text('sender').notNull(),
    topic: text('topic').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
    result: jsonb('result'),
  });
  return { outboxMessages, inboxMessages };
}

export type MessageTables = ReturnType<typeof officeMessageTables>;
export type OutboxTable = MessageTables['outboxMessages'];
export type InboxTable = MessageTables['inboxMessages'];
export type OutboxRow = OutboxTable['$inferSelect'];
