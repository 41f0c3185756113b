import { asc } from 'drizzle-orm';
import { afterKey, type BulkCursor, type BulkPage, bulkPage } from '@hub/schema';
import type { OrganizationVerificationDataset } from '../generated/enums.ts';
import type { OrganizationDb } from './queries.ts';
import { cadres } from './schema.ts';

/** One page of Organization's bulk read for the coordination group's verification: cadres in ID-number order. */
export async function verificationRows(db: OrganizationDb, _dataset: OrganizationVerificationDataset, page: BulkCursor): Promise<BulkPage> {
  const rows = await db
    .select({ idNumber: cadres.idNumber, name: cadres.name, creditCode: cadres.institutionCreditCode, leadership: cadres.leadership })
    .from(cadres)
    .where(afterKey([cadres.idNumber], page.after))
    .orderBy(asc(cadres.idNumber))
    .limit(page.limit + 1);
  return bulkPage(rows, ['idNumber', 'name', 'creditCode', 'leadership'], ['idNumber'], page.limit, page.after === null ? await db.$count(cadres) : null);
}
