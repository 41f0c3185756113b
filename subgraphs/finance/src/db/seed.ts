import { insertInChunks } from '@hub/schema';
import type { FinanceDb } from './queries.ts';
import { budgetUnits, payrollRecords } from './schema.ts';

export interface FinanceSeed {
  budgetUnits: (typeof budgetUnits.$inferInsert)[];
  payrollRecords: (typeof payrollRecords.$inferInsert)[];
}

export async function seedFinance(db: FinanceDb, data: FinanceSeed): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(data.budgetUnits, (c) => tx.insert(budgetUnits).values(c));
    await insertInChunks(data.payrollRecords, (c) => tx.insert(payrollRecords).values(c));
  });
}

export async function isFinanceEmpty(db: FinanceDb): Promise<boolean> {
  return (await db.select({ code: budgetUnits.code }).from(budgetUnits).limit(1)).length === 0;
}
