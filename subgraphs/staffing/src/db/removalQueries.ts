import { and, asc, count, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import { anyOf, enqueueMessage, type OutboxRow } from '@hub/schema';
import { type CardsCancelled, cancelStaffingCards } from './cancelStaffingCards.ts';
import { nextDocumentSerial } from './documentNumbers.ts';
import type { LedgerEntryRow, RemovalRow, StaffingCardRow, StaffingDb } from './queries.ts';
import { ledgerEntries, outboxMessages, removals, stopPayNotices } from './schema.ts';
import { syncVacantSince, type VacantSinceChange } from './syncVacantSince.ts';

/** A stop-pay notice with its delivery, as its outbox message records it. */
const noticeColumns = {
  ...getTableColumns(stopPayNotices),
  deliveredAt: outboxMessages.deliveredAt,
  appliedAt: outboxMessages.appliedAt,
  attempts: outboxMessages.attempts,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  result: outboxMessages.result,
};
export type StopPayNoticeRow = typeof stopPayNotices.$inferSelect & Pick<OutboxRow, 'deliveredAt' | 'appliedAt' | 'attempts' | 'nextAttemptAt' | 'result'>;

const noticesWithDelivery = (db: StaffingDb) =>
  db.select(noticeColumns).from(stopPayNotices).innerJoin(outboxMessages, eq(outboxMessages.id, stopPayNotices.messageId));

export const stopPayNoticesByRemovalIds = (db: StaffingDb, ids: readonly number[]): Promise<StopPayNoticeRow[]> =>
  noticesWithDelivery(db).where(inArray(stopPayNotices.removalId, [...ids]));

export const stopPayNoticesByNumbers = (db: StaffingDb, numbers: readonly string[]): Promise<StopPayNoticeRow[]> =>
  noticesWithDelivery(db).where(anyOf(stopPayNotices.number, numbers));

const undelivered = (unit: string | null) =>
  and(isNull(outboxMessages.deliveredAt), unit === null ? undefined : eq(stopPayNotices.institutionCreditCode, unit));

/** Notices not yet delivered, oldest first; `unit` limits them to one unit's (a unit operator's scope). */
export const undeliveredStopPayNotices = (db: StaffingDb, unit: string | null, limit: number, offset: number): Promise<StopPayNoticeRow[]> =>
  noticesWithDelivery(db).where(undelivered(unit)).orderBy(asc(stopPayNotices.issuedAt), asc(stopPayNotices.number)).limit(limit).offset(offset);

export async function countUndeliveredStopPayNotices(db: StaffingDb, unit: string | null): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(stopPayNotices)
    .innerJoin(outboxMessages, eq(outboxMessages.id, stopPayNotices.messageId))
    .where(undelivered(unit));
  return row?.total ?? 0;
}

export interface RemovalReport {
  idNumber: string;
  reason: RemovalRow['reason'];
  effectiveOn: string;
  reportedOn: string;
}

/** How the notice of a removal is numbered and when it stops pay (the domain's rules, handed in). */
export interface NoticeTerms {
  series: string;
  year: number;
  numberOf: (serial: number) => string;
  stopFromMonth: string;
  issuedAt: Date;
}

export interface RemovalChange {
  ledgerBefore: LedgerEntryRow;
  cardsBefore: StaffingCardRow[];
  cardsAfter: StaffingCardRow[];
  cardEvents: CardsCancelled['events'];
  removal: RemovalRow;
  /** Quotas whose vacancy start day (空编起始日) the removal set. */
  quotasChanged: VacantSinceChange[];
  notice: typeof stopPayNotices.$inferSelect;
  message: OutboxRow;
}

/**
 * 人员核减 in one transaction: the ledger entry goes (which frees its quota: occupied is counted from
 * the ledger, and the quota is vacant from the effective date), the person's cards of that unit are cancelled, the removal is recorded, and the
 * stop-pay notice is issued with the outbox message that carries it to Finance, so a removal never
 * commits without its notice, nor a notice without its removal. `check` sees the ledger entry
 * (locked) first and may throw, which writes nothing.
 */
export async function removeFromLedger(
  db: StaffingDb,
  report: RemovalReport,
  terms: NoticeTerms,
  check: (entry: LedgerEntryRow | undefined) => asserts entry is LedgerEntryRow,
): Promise<RemovalChange> {
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.idNumber, report.idNumber)).for('update');
    check(entry);
    const institutionCreditCode = entry.institutionCreditCode;
    const [removal] = await tx
      .insert(removals)
      .values({ ...report, institutionCreditCode })
      .returning();
    const number = terms.numberOf(await nextDocumentSerial(tx, terms.series, terms.year));
    const cards = await cancelStaffingCards(
      tx,
      {
        idNumber: report.idNumber,
        institutionCreditCode,
        cause: 'REMOVAL',
        reason: report.reason,
        documentNumber: number,
        on: report.effectiveOn,
      },
      terms.issuedAt,
    );
    await tx.delete(ledgerEntries).where(eq(ledgerEntries.idNumber, report.idNumber));
    // The post the person held is vacant from the day they left.
    const quotasChanged = await syncVacantSince(tx, [{ institutionCreditCode, category: entry.quotaCategory }], report.effectiveOn);
    const messages = await enqueueMessage(
      tx,
      outboxMessages,
      'staffing.stopPayNotice',
      {
        noticeNumber: number,
        idNumber: report.idNumber,
        institutionCreditCode,
        reason: report.reason,
        effectiveOn: report.effectiveOn,
        stopFromMonth: terms.stopFromMonth,
        issuedAt: terms.issuedAt.toISOString(),
      },
      terms.issuedAt,
    );
    const message = messages.find((m) => m.recipient === 'finance')!;
    const [notice] = await tx
      .insert(stopPayNotices)
      .values({
        number,
        removalId: removal!.id,
        idNumber: report.idNumber,
        institutionCreditCode,
        reason: report.reason,
        effectiveOn: report.effectiveOn,
        stopFromMonth: terms.stopFromMonth,
        issuedAt: terms.issuedAt,
        messageId: message.id,
      })
      .returning();
    return {
      ledgerBefore: entry,
      cardsBefore: cards.before,
      cardsAfter: cards.after,
      cardEvents: cards.events,
      removal: removal!,
      quotasChanged,
      notice: notice!,
      message,
    };
  });
}
