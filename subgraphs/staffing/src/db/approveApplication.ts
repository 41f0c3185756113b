import { eq } from 'drizzle-orm';
import { enqueueMessage } from '@hub/schema';
import type { QuotaUse } from '../domain/vacancyRefusal.ts';
import { nextDocumentNumber } from './documentNumbers.ts';
import type { HiringApplicationRow, HiringApprovalRow } from './hiringQueries.ts';
import type { QuotaRow, StaffingDb } from './queries.ts';
import { changeReservation, lockQuota } from './reserveQuota.ts';
import { hiringApplications, hiringApprovals, outboxMessages } from './schema.ts';
import { lockInstitution, openFreezeOf } from './unitFreezes.ts';

/** What an approval's check sees, all read under the locks the approval holds. */
export interface ApprovalCheck {
  application: HiringApplicationRow | null;
  frozen: boolean;
  /** The category's figures; null when the unit has no quota row of it. */
  quota: QuotaUse | null;
}

export interface ApprovalChange {
  applicationBefore: HiringApplicationRow;
  applicationAfter: HiringApplicationRow;
  approval: HiringApprovalRow;
  quotaBefore: QuotaRow;
  quotaAfter: QuotaRow;
}

export interface ApprovalIssue {
  today: string;
  now: Date;
  by: string;
  validUntil: string;
}

/**
 * 批准进人用编, in one transaction: the application (locked), the unit's freeze (under the
 * institution's share lock) and the category's quota (SELECT … FOR UPDATE, its occupied count read
 * under the lock) are read; `check` sees them and returns the persons to approve, or throws (nothing
 * is written). Then the audit notice and approval form get their numbers, the quota is reserved, the
 * application is marked APPROVED and staffing.hiringApproved goes into the outbox for HR. Two
 * approvals for the unit's last vacancy queue on the quota row: the second sees the first's reservation.
 */
export async function approveApplication(db: StaffingDb, id: number, check: (seen: ApprovalCheck) => number, issue: ApprovalIssue): Promise<ApprovalChange> {
  return db.transaction(async (tx) => {
    const [application] = await tx.select().from(hiringApplications).where(eq(hiringApplications.id, id)).for('update');
    if (!application) {
      check({ application: null, frozen: false, quota: null });
      throw new Error('approveApplication: check let a missing application pass');
    }
    await lockInstitution(tx, application.institutionCreditCode, 'share');
    const frozen = (await openFreezeOf(tx, application.institutionCreditCode)) !== null;
    const locked = await lockQuota(tx, { institutionCreditCode: application.institutionCreditCode, category: application.category });
    const quota = locked.row ? { approved: locked.row.approved, reserved: locked.row.reserved, occupied: locked.occupied } : null;
    const persons = check({ application, frozen, quota });
    const year = Number(issue.today.slice(0, 4));
    const auditNoticeNumber = await nextDocumentNumber(tx, 'AUDIT_NOTICE', year);
    const approvalFormNumber = await nextDocumentNumber(tx, 'APPROVAL_FORM', year);
    const [approval] = await tx
      .insert(hiringApprovals)
      .values({
        approvalFormNumber,
        auditNoticeNumber,
        applicationId: application.id,
        institutionCreditCode: application.institutionCreditCode,
        category: application.category,
        persons,
        approvedOn: issue.today,
        validUntil: issue.validUntil,
        approvedAt: issue.now,
        approvedBy: issue.by,
      })
      .returning();
    const quotaAfter = await changeReservation(tx, locked.row!, persons, issue.today);
    const [applicationAfter] = await tx
      .update(hiringApplications)
      .set({ status: 'APPROVED', decidedAt: issue.now, decidedBy: issue.by })
      .where(eq(hiringApplications.id, application.id))
      .returning();
    await enqueueMessage(
      tx,
      outboxMessages,
      'staffing.hiringApproved',
      {
        approvalFormNumber,
        auditNoticeNumber,
        institutionCreditCode: approval!.institutionCreditCode,
        category: approval!.category,
        persons,
        approvedOn: approval!.approvedOn,
        validUntil: approval!.validUntil,
      },
      issue.now,
    );
    return { applicationBefore: application, applicationAfter: applicationAfter!, approval: approval!, quotaBefore: locked.row!, quotaAfter };
  });
}
