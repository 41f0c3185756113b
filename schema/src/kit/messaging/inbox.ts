import { eq } from 'drizzle-orm';
import type { OfficeMessage } from '../../contracts/messages.ts';
import type { AuditRecord } from '../audit.ts';
import type { Db } from '../db.ts';
import type { InboxTable } from './messageTables.ts';

// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database (or a transaction of it)
type AnyDb = Db<any>;

/** What a recipient's handler did with a message: its answer to the sender, and the rows it changed for the log. */
export interface MessageEffect {
  result?: Record<string, unknown> | null;
  audit?: AuditRecord[];
}

/** A handler for one topic; it runs inside the inbox's transaction and writes only its own office's tables. */
// biome-ignore lint/suspicious/noExplicitAny: each office's own drizzle database
export type MessageHandler<TDb = any> = (tx: TDb, message: OfficeMessage, now: Date) => Promise<MessageEffect>;

/** The recipient's answer: APPLIED this time, or DUPLICATE (applied before; nothing done now). */
export interface DeliveryReceipt {
  status: 'APPLIED' | 'DUPLICATE';
  appliedAt: string | null;
  result: unknown;
  audit: AuditRecord[];
}

/**
 * Applies a message at most once: its inbox row and its effect commit in one transaction, so a second
 * delivery of the same id (a retry after a lost answer, two relays) finds the row and changes nothing.
 * Two deliveries at once: the second insert waits for the first transaction and then finds its row.
 * A handler that throws rolls everything back: the sender keeps the message and retries it.
 */
export async function receiveMessage(db: AnyDb, inbox: InboxTable, message: OfficeMessage, handler: MessageHandler, now: Date): Promise<DeliveryReceipt> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inbox)
      .values({ messageId: message.id, sender: message.from, topic: message.topic, receivedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [seen] = await tx.select().from(inbox).where(eq(inbox.messageId, message.id));
      return { status: 'DUPLICATE', appliedAt: seen?.appliedAt?.toISOString() ?? null, result: seen?.result ?? null, audit: [] };
    }
    const effect = await handler(tx, message, now);
    await tx
      .update(inbox)
      .set({ appliedAt: now, result: effect.result ?? null })
      .where(eq(inbox.messageId, message.id));
    return { status: 'APPLIED', appliedAt: now.toISOString(), result: effect.result ?? null, audit: effect.audit ?? [] };
  });
}
