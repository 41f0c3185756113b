import { inArray } from 'drizzle-orm';
import type { FinanceDb, PayrollRecordRow } from './queries.ts';
import { payrollRecords } from './schema.ts';

export interface PayrollMove {
  moved: { before: PayrollRecordRow; after: PayrollRecordRow }[];
  /** Already paid through the target: nothing to do. */
  alreadyThere: string[];
  /** Finance pays them elsewhere, or has no record under that ID number: left, for verification to find. */
  notMoved: string[];
}

/** Moves the payroll records of persons from one institution to another; only a record at `from` moves. */
export async function movePayrollRecords(tx: FinanceDb, idNumbers: readonly string[], from: string, to: string): Promise<PayrollMove> {
  const rows = idNumbers.length
    ? await tx
        .select()
        .from(payrollRecords)
        .where(inArray(payrollRecords.idNumber, [...idNumbers]))
        .for('update')
    : [];
  const result: PayrollMove = { moved: [], alreadyThere: [], notMoved: [] };
  const movable = rows.filter((r) => r.institutionCreditCode === from);
  const after = movable.length
    ? await tx
        .update(payrollRecords)
        .set({ institutionCreditCode: to })
        .where(
          inArray(
            payrollRecords.idNumber,
            movable.map((r) => r.idNumber),
          ),
        )
        .returning()
    : [];
  for (const row of after) result.moved.push({ before: movable.find((r) => r.idNumber === row.idNumber)!, after: row });
  for (const id of idNumbers) {
    const row = rows.find((r) => r.idNumber === id);
    if (row?.institutionCreditCode === to) result.alreadyThere.push(id);
    else if (!row || row.institutionCreditCode !== from) result.notMoved.push(id);
  }
  return result;
}
