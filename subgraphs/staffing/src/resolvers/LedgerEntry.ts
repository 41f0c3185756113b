import assert from 'node:assert/strict';
import { parseIdNumber, type ParsedIdNumber } from '@hub/schema';
import type { LedgerEntryRow } from '../db/queries.ts';
import type { LedgerEntryResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

/**
 * Gender and birth date are never stored twice: they are read off the ID number, which was checked
 * before it was stored, so one that does not parse is a broken database (an internal error).
 */
function derived(row: LedgerEntryRow): ParsedIdNumber {
  const parsed = parseIdNumber(row.idNumber);
  assert(typeof parsed !== 'string', `staffing: a stored ID number does not parse (${parsed})`);
  return parsed;
}

export const LedgerEntry: LedgerEntryResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  gender: (row) => derived(row).gender,
  birthDate: (row) => derived(row).birthDate,
};
