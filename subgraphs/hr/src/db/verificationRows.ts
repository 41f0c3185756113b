import { asc, eq } from 'drizzle-orm';
import { afterKey, type BulkCursor, type BulkPage, bulkPage } from '@hub/schema';
import type { HrVerificationDataset } from '../generated/enums.ts';
import type { HrDb } from './queries.ts';
import { employments, insurances, persons } from './schema.ts';

/**
 * One page of HR's bulk read for the coordination group's verification: every person (the removed
 * too) with their employment and pension insurance, in ID-number order (keyset on the primary key).
 */
export async function verificationRows(db: HrDb, _dataset: HrVerificationDataset, page: BulkCursor): Promise<BulkPage> {
  const rows = await db
    .select({
      idNumber: persons.idNumber,
      name: persons.name,
      creditCode: employments.institutionCreditCode,
      type: employments.type,
      since: employments.since,
      pensionAccount: insurances.pensionAccount,
      enrolled: insurances.enrolled,
      occupationalAnnuity: insurances.occupationalAnnuity,
    })
    .from(persons)
    .leftJoin(employments, eq(employments.idNumber, persons.idNumber))
    .leftJoin(insurances, eq(insurances.idNumber, persons.idNumber))
    .where(afterKey([persons.idNumber], page.after))
    .orderBy(asc(persons.idNumber))
    .limit(page.limit + 1);
  return bulkPage(
    rows,
    ['idNumber', 'name', 'creditCode', 'type', 'since', 'pensionAccount', 'enrolled', 'occupationalAnnuity'],
    ['idNumber'],
    page.limit,
    page.after === null ? await db.$count(persons) : null,
  );
}
