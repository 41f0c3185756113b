import assert from 'node:assert/strict';
import type { StaffingContext } from '../context.ts';
import type { InstitutionRow } from '../db/queries.ts';

/**
 * The institution a ledger entry, staffing card or removal names. The Staffing Office keeps both
 * rows, so a missing institution is a broken database, not a client's mistake: the non-null field
 * fails as an internal error (masked for the client), as the null it would otherwise get does.
 */
export async function ownInstitution(ctx: StaffingContext, creditCode: string): Promise<InstitutionRow> {
  const institution = await ctx.loaders.institutionByCreditCode.load(creditCode);
  assert(institution, `staffing: no institution ${creditCode}, which one of its rows names`);
  return institution;
}
