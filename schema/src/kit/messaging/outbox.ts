import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import { MESSAGE_TOPICS, type MessagePayloads, type MessageTopic, type OfficeMessage } from '../../contracts/messages.ts';
import type { ServiceName } from '../../contracts/subgraphs.ts';
import type { Db } from '../db.ts';
import type { OutboxRow, OutboxTable } from './messageTables.ts';

// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database (or a transaction of it)
type AnyDb = Db<any>;

/** The longest wait between two delivery attempts (the delay doubles from 1 s up to this). */
export const MAX_RETRY_DELAY_SECONDS = 300;

/**
 * Writes a message into the sender's outbox, one row per recipient of its topic. Call it with the
 * transaction that makes the change the message tells of (DESIGN §5: the transactional outbox).
 */
export async function enqueueMessage<T extends MessageTopic>(
  tx: AnyDb,
  outbox: OutboxTable,
  topic: T,
  payload: MessagePayloads[T],
  now: Date,
): Promise<OutboxRow[]> {
  const recipients: readonly ServiceName[] = MESSAGE_TOPICS[topic].to;
  return tx
    .insert(outbox)
    .values(recipients.map((recipient) => ({ id: randomUUID(), topic, recipient, payload, createdAt: now, nextAttemptAt: now })))
    .returning();
}

/**
 * Up to `limit` messages due for delivery, oldest first, each claimed for one attempt: its attempt
 * count goes up and its next attempt moves 2^attempts seconds on (at most MAX_RETRY_DELAY_SECONDS), so
 * two relays do not take the same message (SKIP LOCKED) and one that dies mid-way is retried then.
 */
export async function claimDueMessages(db: AnyDb, outbox: OutboxTable, now: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.deliveredAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: sql`${now.toISOString()}::timestamptz + make_interval(secs => least(power(2, ${outbox.attempts}), ${MAX_RETRY_DELAY_SECONDS}))`,
    })
    .where(inArray(outbox.id, due))
    .returning();
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** What became of one delivery attempt. */
export type DeliveryOutcome = { delivered: true; deliveredAt: Date; appliedAt: Date | null; result: unknown } | { delivered: false; error: string };

/** Records an attempt's outcome; a failed one stays due at the time its claim set. */
export async function settleMessage(db: AnyDb, outbox: OutboxTable, id: string, outcome: DeliveryOutcome): Promise<void> {
  const values = outcome.delivered
    ? { deliveredAt: outcome.deliveredAt, appliedAt: outcome.appliedAt, result: outcome.result ?? null, lastError: null }
    : { lastError: outcome.error.slice(0, 500) };
  await db.update(outbox).set(values).where(eq(outbox.id, id));
}

/** The oldest undelivered message's creation time and how many wait, per topic (for the offices' own views and metrics). */
export const undeliveredSummary = (db: AnyDb, outbox: OutboxTable) =>
  db
    .select({ topic: outbox.topic, waiting: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(isNull(outbox.deliveredAt))
    .groupBy(outbox.topic);

/** A row as the relay carries it. */
export function toOfficeMessage(row: OutboxRow, from: ServiceName): OfficeMessage {
  return {
    id: row.id,
    topic: row.topic,
    from,
    to: row.recipient as ServiceName,
    payload: row.payload as OfficeMessage['payload'],
    createdAt: row.createdAt.toISOString(),
  };
}
