import { eq } from 'drizzle-orm';
import type { FinanceDb, PayrollRecordRow } from './queries.ts';
import { budgetUnits, payrollRecords, staffingCards } from './schema.ts';

export type StaffingCardCopyRow = typeof staffingCards.$inferSelect;

export interface PayrollAdditionRow {
  idNumber: string;
  nameOnRecord: string;
  institutionCreditCode: string;
  budgetLine: string;
  monthlyGrossPay: number;
  staffingCardNumber: string;
  paidFromMonth: string;
}

/**
 * 工资增员, in one transaction: the card copy (shared lock: a cancellation waits), the person's payroll
 * record (locked) and the unit's budget unit are read; `check` sees them and may throw, which writes
 * nothing. The person is then on the payroll from the month given (a record stopped before is replaced,
 * its before kept in the log).
 */
export async function addToPayroll(
  db: FinanceDb,
  addition: PayrollAdditionRow,
  check: (facts: { card: StaffingCardCopyRow | null; budgetUnit: boolean; record: PayrollRecordRow | null }) => void,
): Promise<{ before: PayrollRecordRow | null; after: PayrollRecordRow }> {
  return db.transaction(async (tx) => {
    const [card] = await tx.select().from(staffingCards).where(eq(staffingCards.number, addition.staffingCardNumber)).for('share');
    const [record] = await tx.select().from(payrollRecords).where(eq(payrollRecords.idNumber, addition.idNumber)).for('update');
    const [unit] = await tx.select({ code: budgetUnits.code }).from(budgetUnits).where(eq(budgetUnits.institutionCreditCode, addition.institutionCreditCode));
    check({ card: card ?? null, budgetUnit: !!unit, record: record ?? null });
    const values = { ...addition, onPayroll: true, lastPaidMonth: null };
    const [after] = await tx.insert(payrollRecords).values(values).onConflictDoUpdate({ target: payrollRecords.idNumber, set: values }).returning();
    return { before: record ?? null, after: after! };
  });
}
