import { asc } from 'drizzle-orm';
import { afterKey, type BulkCursor, type BulkPage, bulkPage } from '@hub/schema';
import type { FinanceVerificationDataset } from '../generated/enums.ts';
import type { FinanceDb } from './queries.ts';
import { budgetUnits, payrollRecords, stopPayNotices } from './schema.ts';

/** One page of Finance's bulk read for the coordination group's verification, in key order (keyset paging). */
export async function verificationRows(db: FinanceDb, dataset: FinanceVerificationDataset, page: BulkCursor): Promise<BulkPage> {
  const n = page.limit + 1;
  switch (dataset) {
    case 'BUDGET_UNITS': {
      const t = budgetUnits;
      const rows = await db
        .select({ creditCode: t.institutionCreditCode, fundingForm: t.fundingForm, budgetedHeadcount: t.budgetedHeadcount })
        .from(t)
        .where(afterKey([t.institutionCreditCode], page.after))
        .orderBy(asc(t.institutionCreditCode))
        .limit(n);
      return bulkPage(rows, ['creditCode', 'fundingForm', 'budgetedHeadcount'], ['creditCode'], page.limit, page.after === null ? await db.$count(t) : null);
    }
    case 'PAYROLL': {
      const t = payrollRecords;
      const rows = await db
        .select({
          idNumber: t.idNumber,
          nameOnRecord: t.nameOnRecord,
          creditCode: t.institutionCreditCode,
          onPayroll: t.onPayroll,
          lastPaidMonth: t.lastPaidMonth,
        })
        .from(t)
        .where(afterKey([t.idNumber], page.after))
        .orderBy(asc(t.idNumber))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'nameOnRecord', 'creditCode', 'onPayroll', 'lastPaidMonth'],
        ['idNumber'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
    case 'STOP_PAY_NOTICES': {
      const t = stopPayNotices;
      const rows = await db
        .select({ idNumber: t.idNumber, noticeNumber: t.noticeNumber, appliedAt: t.appliedAt, outcome: t.outcome })
        .from(t)
        .where(afterKey([t.idNumber, t.noticeNumber], page.after))
        .orderBy(asc(t.idNumber), asc(t.noticeNumber))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'noticeNumber', 'appliedAt', 'outcome'],
        ['idNumber', 'noticeNumber'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
  }
}
