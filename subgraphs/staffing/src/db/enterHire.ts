import { and, eq, sql } from 'drizzle-orm';
import { type AuditRecord, beijingDay, enqueueMessage } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import { type HireEntryRefusal, hireEntryRefusal } from '../domain/hireEntryRefusal.ts';
import { nextDocumentNumber } from './documentNumbers.ts';
import type { HiringApprovalUseRow } from './hiringQueries.ts';
import type { StaffingDb } from './queries.ts';
import { changeReservation, lockQuota } from './reserveQuota.ts';
import { hiringApprovals, hiringApprovalUses, ledgerEntries, outboxMessages, staffingCardEvents, staffingCards } from './schema.ts';

export type HireEntry =
  | { outcome: 'ENTERED'; cardNumber: string; audit: AuditRecord[] }
  | { outcome: 'REFUSED'; code: HireEntryRefusal; audit: AuditRecord[] }
  /** This person's hire against this approval was reported before (under another message): nothing changes. */
  | { outcome: 'ALREADY_REPORTED'; use: HiringApprovalUseRow; audit: [] };

/**
 * 入编: a hire HR recorded, entered in the transaction of the inbox that received it. Against an
 * approval that still admits a person, and for a person not yet in quota, the person goes on the
 * ledger (the Staffing Office's own copy of the ten items), a staffing card is issued (its history
 * starts ISSUED, citing the approval form), one reservation becomes an occupied place, the approval
 * records its use and staffing.staffingCardIssued goes to HR and Finance. Otherwise the use is
 * recorded REFUSED with the rule broken, and nothing else changes. Each person's hire against an
 * approval is entered at most once, whatever arrives.
 */
export async function enterHire(tx: StaffingDb, hire: MessagePayloads['hr.hireRecorded'], now: Date): Promise<HireEntry> {
  const today = beijingDay(now);
  const useKey = and(eq(hiringApprovalUses.approvalFormNumber, hire.approvalFormNumber), eq(hiringApprovalUses.idNumber, hire.idNumber));
  const [reported] = await tx.select().from(hiringApprovalUses).where(useKey);
  if (reported) return { outcome: 'ALREADY_REPORTED', use: reported, audit: [] };

  const [approval] = await tx.select().from(hiringApprovals).where(eq(hiringApprovals.approvalFormNumber, hire.approvalFormNumber)).for('update');
  const active = await tx
    .select({ number: staffingCards.number })
    .from(staffingCards)
    .where(and(eq(staffingCards.idNumber, hire.idNumber), eq(staffingCards.status, 'ACTIVE')));
  const [onLedger] = await tx.select({ idNumber: ledgerEntries.idNumber }).from(ledgerEntries).where(eq(ledgerEntries.idNumber, hire.idNumber));

  const refuse = async (code: HireEntryRefusal): Promise<HireEntry> => {
    const [use] = await tx
      .insert(hiringApprovalUses)
      .values({ approvalFormNumber: hire.approvalFormNumber, idNumber: hire.idNumber, outcome: 'REFUSED', refusalCode: code, reportedAt: now })
      .returning();
    return {
      outcome: 'REFUSED',
      code,
      audit: [{ entity: 'HiringApprovalUse', key: `${hire.approvalFormNumber}/${hire.idNumber}`, action: 'REFUSE_HIRE_ENTRY', before: null, after: use }],
    };
  };
  const refusal = hireEntryRefusal(approval ?? null, { activeCards: active.length, onLedger: !!onLedger });
  if (refusal || !approval) return refuse(refusal ?? 'APPROVAL_NOT_FOUND');

  const locked = await lockQuota(tx, { institutionCreditCode: approval.institutionCreditCode, category: approval.category });
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      idNumber: hire.idNumber,
      institutionCreditCode: approval.institutionCreditCode,
      quotaCategory: approval.category,
      name: hire.name,
      ethnicity: hire.ethnicity,
      nativePlace: hire.nativePlace,
      politicalStatus: hire.politicalStatus,
      post: hire.post,
      workStartDate: hire.workStartDate,
      unitJoinDate: hire.unitJoinDate,
    })
    .onConflictDoNothing()
    .returning();
  // Another hire of this person committed meanwhile (the ledger's key waited for it).
  if (!entry) return refuse('ALREADY_IN_QUOTA');

  const card = await issueCard(tx, { idNumber: hire.idNumber, institutionCreditCode: approval.institutionCreditCode, category: approval.category }, today);
  const [event] = await tx
    .insert(staffingCardEvents)
    .values({
      cardNumber: card.number,
      kind: 'ISSUED',
      on: today,
      documentNumber: approval.approvalFormNumber,
      institutionCreditCode: approval.institutionCreditCode,
      note: `审核通知单 ${approval.auditNoticeNumber}`,
      at: now,
    })
    .returning();
  const [entryAfter] = await tx.update(ledgerEntries).set({ staffingCardNumber: card.number }).where(eq(ledgerEntries.idNumber, hire.idNumber)).returning();
  const quotaAfter = locked.row ? await changeReservation(tx, locked.row, -1, today) : null;
  const [approvalAfter] = await tx
    .update(hiringApprovals)
    .set({ used: sql`${hiringApprovals.used} + 1` })
    .where(eq(hiringApprovals.approvalFormNumber, approval.approvalFormNumber))
    .returning();
  const [use] = await tx
    .insert(hiringApprovalUses)
    .values({ approvalFormNumber: approval.approvalFormNumber, idNumber: hire.idNumber, outcome: 'ENTERED', staffingCardNumber: card.number, reportedAt: now })
    .returning();
  await enqueueMessage(
    tx,
    outboxMessages,
    'staffing.staffingCardIssued',
    {
      cardNumber: card.number,
      idNumber: hire.idNumber,
      institutionCreditCode: approval.institutionCreditCode,
      category: approval.category,
      issuedOn: today,
      approvalFormNumber: approval.approvalFormNumber,
    },
    now,
  );
  const quotaKey = `${approval.institutionCreditCode}/${approval.category}`;
  return {
    outcome: 'ENTERED',
    cardNumber: card.number,
    audit: [
      { entity: 'LedgerEntry', key: hire.idNumber, action: 'ENTER_HIRE', before: null, after: entryAfter, caseNumber: approval.approvalFormNumber },
      { entity: 'StaffingCard', key: card.number, action: 'ISSUE_STAFFING_CARD', before: null, after: card, caseNumber: approval.approvalFormNumber },
      { entity: 'StaffingCardEvent', key: String(event!.id), before: null, after: event },
      ...(quotaAfter ? [{ entity: 'Quota', key: quotaKey, before: locked.row, after: quotaAfter }] : []),
      { entity: 'HiringApproval', key: approval.approvalFormNumber, before: approval, after: approvalAfter },
      { entity: 'HiringApprovalUse', key: `${approval.approvalFormNumber}/${hire.idNumber}`, before: null, after: use },
    ],
  };
}

/** A new card with the next number of the year; a number already taken (a card loaded from before the hub) is skipped. */
async function issueCard(tx: StaffingDb, holder: Pick<typeof staffingCards.$inferInsert, 'idNumber' | 'institutionCreditCode' | 'category'>, today: string) {
  for (;;) {
    const number = await nextDocumentNumber(tx, 'STAFFING_CARD', Number(today.slice(0, 4)));
    const [card] = await tx
      .insert(staffingCards)
      .values({ ...holder, number, issuedOn: today, status: 'ACTIVE' })
      .onConflictDoNothing()
      .returning();
    if (card) return card;
  }
}
