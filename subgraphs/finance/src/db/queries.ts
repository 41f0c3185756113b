import { and, asc, count, getTableColumns, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@hub/schema';
import * as tables from './schema.ts';
import { budgetUnits, payrollRecords } from './schema.ts';

export type FinanceDb = Db<typeof tables>;
export type BudgetUnitRow = typeof budgetUnits.$inferSelect;
export type PayrollRecordRow = typeof payrollRecords.$inferSelect;

export const budgetUnitsByInstitutions = (db: FinanceDb, codes: readonly string[]) =>
  db.select().from(budgetUnits).where(inArray(budgetUnits.institutionCreditCode, [...codes]));

export const budgetUnitsByCodes = (db: FinanceDb, codes: readonly string[]) =>
  db.select().from(budgetUnits).where(inArray(budgetUnits.code, [...codes]));

export const payrollRecordsByIdNumbers = (db: FinanceDb, ids: readonly string[]) =>
  db.select().from(payrollRecords).where(inArray(payrollRecords.idNumber, [...ids]));

export const payrollCountsByInstitutions = (db: FinanceDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: payrollRecords.institutionCreditCode, total: count() })
    .from(payrollRecords)
    .where(inArray(payrollRecords.institutionCreditCode, [...codes]))
    .groupBy(payrollRecords.institutionCreditCode);

/** One page (limit + 1 rows from offset) of the payroll of several institutions, in one statement. */
export async function payrollPagesByInstitutions(db: FinanceDb, codes: readonly string[], limit: number, offset: number) {
  const ranked = db
    .select({
      ...getTableColumns(payrollRecords),
      rowNumber: sql<number>`row_number() over (partition by ${payrollRecords.institutionCreditCode} order by ${payrollRecords.idNumber})`.as('row_number'),
    })
    .from(payrollRecords)
    .where(inArray(payrollRecords.institutionCreditCode, [...codes]))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(and(gt(ranked.rowNumber, offset), lte(ranked.rowNumber, offset + limit + 1)))
    .orderBy(asc(ranked.institutionCreditCode), asc(ranked.idNumber));
  return rows.map(({ rowNumber: _, ...row }) => row as PayrollRecordRow);
}
