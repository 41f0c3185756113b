import { parseIdNumber } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { LedgerEntryRow } from '../db/queries.ts';

/** Gender and birth date are never stored twice: they are read off the ID number. */
function derived(row: LedgerEntryRow) {
  const parsed = parseIdNumber(row.idNumber);
  return typeof parsed === 'string' ? null : parsed;
}

export const LedgerEntry = {
  person: (row: LedgerEntryRow) => ({ idNumber: row.idNumber }),
  institution: (row: LedgerEntryRow, _: unknown, ctx: StaffingContext) => ctx.loaders.institutionByCreditCode.load(row.institutionCreditCode),
  gender: (row: LedgerEntryRow) => derived(row)?.gender,
  birthDate: (row: LedgerEntryRow) => derived(row)?.birthDate,
};
