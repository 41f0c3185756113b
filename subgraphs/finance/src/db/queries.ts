import { count } from 'drizzle-orm';
import { anyOf, anyOfKeys, windowedPage, type Db, preparedByKeys, preparedByKeysOf } from '@hub/schema';
import type * as tables from './schema.ts';
import { budgetUnits, payrollRecords } from './schema.ts';

export type FinanceDb = Db<typeof tables>;
export type BudgetUnitRow = typeof budgetUnits.$inferSelect;
export type PayrollRecordRow = typeof payrollRecords.$inferSelect;

/** An institution's budget unit (a Roster's budgetUnit), prepared once per database: unprepared, postgres.js spends a round trip describing it first. */
export const budgetUnitsByInstitutions = preparedByKeys('finance_budget_units_by_institutions', (db: FinanceDb) =>
  db.select().from(budgetUnits).where(anyOfKeys(budgetUnits.institutionCreditCode)),
);

export const budgetUnitsByCodes = (db: FinanceDb, codes: readonly string[]) => db.select().from(budgetUnits).where(anyOf(budgetUnits.code, codes));

/**
 * Prepared once per database and column set (the kit's preparedByKeysOf): a Roster's `_entities` asks it
 * for 808 persons at once, reading the columns its selection needs (PayrollRecord.ts, payrollRecordColumns).
 */
export const payrollRecordsByIdNumbers = preparedByKeysOf('finance_payroll_records_by_id_numbers', payrollRecords, payrollRecords.idNumber);

export const payrollCountsByInstitutions = (db: FinanceDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: payrollRecords.institutionCreditCode, total: count() })
    .from(payrollRecords)
    .where(anyOf(payrollRecords.institutionCreditCode, codes))
    .groupBy(payrollRecords.institutionCreditCode);

/** One page of the payroll of several institutions, in one statement. */
export const payrollPagesByInstitutions = (db: FinanceDb, codes: readonly string[], limit: number, offset: number) =>
  windowedPage(db, payrollRecords, { parent: payrollRecords.institutionCreditCode, order: payrollRecords.idNumber }, codes, limit, offset);
