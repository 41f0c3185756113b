import { count } from 'drizzle-orm';
import { anyOf, windowedPage, type Db } from '@hub/schema';
import type * as tables from './schema.ts';
import { budgetUnits, payrollRecords } from './schema.ts';

export type FinanceDb = Db<typeof tables>;
export type BudgetUnitRow = typeof budgetUnits.$inferSelect;
export type PayrollRecordRow = typeof payrollRecords.$inferSelect;

export const budgetUnitsByInstitutions = (db: FinanceDb, codes: readonly string[]) =>
  db.select().from(budgetUnits).where(anyOf(budgetUnits.institutionCreditCode, codes));

export const budgetUnitsByCodes = (db: FinanceDb, codes: readonly string[]) => db.select().from(budgetUnits).where(anyOf(budgetUnits.code, codes));

export const payrollRecordsByIdNumbers = (db: FinanceDb, ids: readonly string[]) => db.select().from(payrollRecords).where(anyOf(payrollRecords.idNumber, ids));

export const payrollCountsByInstitutions = (db: FinanceDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: payrollRecords.institutionCreditCode, total: count() })
    .from(payrollRecords)
    .where(anyOf(payrollRecords.institutionCreditCode, codes))
    .groupBy(payrollRecords.institutionCreditCode);

/** One page of the payroll of several institutions, in one statement. */
export const payrollPagesByInstitutions = (db: FinanceDb, codes: readonly string[], limit: number, offset: number) =>
  windowedPage(db, payrollRecords, { parent: payrollRecords.institutionCreditCode, order: payrollRecords.idNumber }, codes, limit, offset);
