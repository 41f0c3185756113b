import assert from 'node:assert/strict';
import { type ParsedIdNumber, parseStoredIdNumber, selectedColumns } from '@hub/schema';
import { ledgerEntries } from '../db/schema.ts';
import type { LedgerEntryRow } from '../db/queries.ts';
import type { LedgerEntryResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

/**
 * Gender and birth date are never stored twice: they are read off the ID number, which was checked
 * before it was stored, so one that does not parse is a broken database (an internal error).
 */
function derived(row: LedgerEntryRow): ParsedIdNumber {
  const parsed = parseStoredIdNumber(row.idNumber);
  assert(typeof parsed !== 'string', `staffing: a stored ID number does not parse (${parsed})`);
  return parsed;
}

/** The ledger's columns a LedgerEntry selection reads (the kit's selectedColumns): what each resolver below reads, beside the key and the unit the scope checks. */
export const ledgerEntryColumns = selectedColumns(ledgerEntries, {
  always: ['idNumber', 'institutionCreditCode'],
  resolved: { person: ['idNumber'], institution: ['institutionCreditCode'], gender: ['idNumber'], birthDate: ['idNumber'] },
});

export const LedgerEntry: LedgerEntryResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  gender: (row) => derived(row).gender,
  birthDate: (row) => derived(row).birthDate,
};
