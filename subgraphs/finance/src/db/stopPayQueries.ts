import { count, desc, eq } from 'drizzle-orm';
import { anyOf } from '@hub/schema';
import type { FinanceDb, PayrollRecordRow } from './queries.ts';
import { payrollRecords, stopPayNotices } from './schema.ts';

export type ReceivedStopPayNoticeRow = typeof stopPayNotices.$inferSelect;

export const receivedNoticesByIdNumbers = (db: FinanceDb, ids: readonly string[]) =>
  db.select().from(stopPayNotices).where(anyOf(stopPayNotices.idNumber, ids)).orderBy(desc(stopPayNotices.appliedAt));

const inUnit = (unit: string | null) => (unit === null ? undefined : eq(stopPayNotices.institutionCreditCode, unit));

/** Received notices, the latest applied first; `unit` limits them to one unit's (a unit operator's scope). */
export const receivedNotices = (db: FinanceDb, unit: string | null, limit: number, offset: number) =>
  db.select().from(stopPayNotices).where(inUnit(unit)).orderBy(desc(stopPayNotices.appliedAt), desc(stopPayNotices.noticeNumber)).limit(limit).offset(offset);

export async function countReceivedNotices(db: FinanceDb, unit: string | null): Promise<number> {
  const [row] = await db.select({ total: count() }).from(stopPayNotices).where(inUnit(unit));
  return row?.total ?? 0;
}

/** The notice of this number as Finance received it, if it has. */
export async function receivedNotice(tx: FinanceDb, noticeNumber: string): Promise<ReceivedStopPayNoticeRow | null> {
  const [row] = await tx.select().from(stopPayNotices).where(eq(stopPayNotices.noticeNumber, noticeNumber));
  return row ?? null;
}

/** A person's payroll record, locked until the transaction ends (two notices for one person apply one after the other). */
export async function lockedPayrollRecord(tx: FinanceDb, idNumber: string): Promise<PayrollRecordRow | null> {
  const [row] = await tx.select().from(payrollRecords).where(eq(payrollRecords.idNumber, idNumber)).for('update');
  return row ?? null;
}

export async function updatePayrollStop(tx: FinanceDb, idNumber: string, change: { onPayroll: boolean; stoppedFromMonth: string }): Promise<PayrollRecordRow> {
  const [row] = await tx.update(payrollRecords).set(change).where(eq(payrollRecords.idNumber, idNumber)).returning();
  return row!;
}

export async function insertReceivedNotice(tx: FinanceDb, row: typeof stopPayNotices.$inferInsert): Promise<ReceivedStopPayNoticeRow> {
  const [inserted] = await tx.insert(stopPayNotices).values(row).returning();
  return inserted!;
}
