import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '@hub/launcher';
import { enqueueMessage, receiveMessage } from '@hub/schema';
import type { OfficeMessage } from '@hub/schema/contracts';
import { eq } from 'drizzle-orm';
import { startTestHub, type TestHub } from './src/index.ts';

/**
 * The messaging kit and the gateway's relay, below any workflow: what a sender's outbox, the relay and
 * a recipient's inbox do with one message. The workflows' own tests (a removal's stop-pay notice, a
 * hire) walk real topics end to end.
 */
let hub: TestHub;
/** The offices' clock: real time, unless a test holds it still (a retry's delay then never runs out under a slow machine). */
let heldAt: Date | null = null;

beforeAll(async () => {
  hub = await startTestHub(undefined, { now: () => heldAt ?? new Date() });
});
afterAll(() => hub?.stop());

/** An office's message tables and handlers, from the launcher's list (a test reads an office's database only to look). */
const messagingOf = (name: string) => SERVICES.find((s) => s.name === name)!.messaging!;

const APPROVAL = {
  approvalFormNumber: 'JRYB-2026-0001',
  auditNoticeNumber: 'SHTZ-2026-0001',
  institutionCreditCode: '12410100MB0000002X',
  category: 'PUBLIC_SERVICE',
  persons: 1,
  approvedOn: '2026-12-01',
  validUntil: '2027-06-01',
};

describe('a message from an outbox to an inbox', () => {
  it('is kept in the outbox with its error while the recipient cannot apply it, and retried after a delay', async () => {
    const staffing = messagingOf('staffing').tables;
    const db = hub.subgraphs.staffing.database.db;
    heldAt = new Date();
    const [row] = await db.transaction((tx: typeof db) => enqueueMessage(tx, staffing.outboxMessages, 'staffing.hiringApproved', APPROVAL, heldAt!));
    // HR has no handler for this topic yet in this test's build: the delivery is refused, the message stays.
    const handlers = messagingOf('hr').handlers;
    const own = handlers['staffing.hiringApproved'];
    delete handlers['staffing.hiringApproved'];
    try {
      const report = await hub.gateway.relay.drain();
      expect(report).toMatchObject({ claimed: 1, applied: 0, failed: 1 });
    } finally {
      if (own) handlers['staffing.hiringApproved'] = own;
    }
    const [kept] = await db.select().from(staffing.outboxMessages).where(eq(staffing.outboxMessages.id, row!.id));
    expect(kept).toMatchObject({ attempts: 1, deliveredAt: null });
    expect(kept!.lastError).toContain('does not receive');
    expect(kept!.nextAttemptAt.getTime()).toBeGreaterThan(kept!.createdAt.getTime());
    // Not due yet: a drain leaves it.
    expect((await hub.gateway.relay.drain()).claimed).toBe(0);
    // Gone, so that the next tests' drains do not meet it once it is due again.
    await db.delete(staffing.outboxMessages).where(eq(staffing.outboxMessages.id, row!.id));
    heldAt = null;
  });

  it('takes effect once however often it is delivered, at once or one after another', async () => {
    const inbox = messagingOf('hr').tables.inboxMessages;
    const db = hub.subgraphs.hr.database.db;
    let applied = 0;
    const handler = async () => {
      applied++;
      return { result: { n: applied } };
    };
    const message: OfficeMessage = {
      id: crypto.randomUUID(),
      topic: 'staffing.hiringApproved',
      from: 'staffing',
      to: 'hr',
      payload: APPROVAL,
      createdAt: new Date().toISOString(),
    };
    const at = new Date();
    const [a, b] = await Promise.all([receiveMessage(db, inbox, message, handler, at), receiveMessage(db, inbox, message, handler, at)]);
    const again = await receiveMessage(db, inbox, message, handler, at);
    expect(applied).toBe(1);
    expect([a!.status, b!.status].sort()).toEqual(['APPLIED', 'DUPLICATE']);
    expect(again).toMatchObject({ status: 'DUPLICATE', result: { n: 1 } });
  });

  it('waits while its sender is down and goes on when it is back', async () => {
    await hub.subgraphs.staffing.suspend();
    try {
      expect(await hub.gateway.relay.drain()).toMatchObject({ claimed: 0, failed: 0 });
    } finally {
      await hub.subgraphs.staffing.resume();
    }
    expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });
  });
});
