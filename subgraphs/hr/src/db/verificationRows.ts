import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterKey, type BulkCursor, type BulkPage, bulkPage } from '@hub/schema';
import type { HrVerificationDataset } from '../generated/enums.ts';
import type { HrDb } from './queries.ts';
import { employments, insurances, persons } from './schema.ts';

/**
 * One page of HR's bulk read for the coordination group's verification, in key order (keyset paging,
 * so every page costs the same however far the read has got).
 */
export async function verificationRows(db: HrDb, dataset: HrVerificationDataset, page: BulkCursor): Promise<BulkPage> {
  return dataset === 'SAME_NAME_BIRTH' ? sameNameBirthGroups(db, page) : personRows(db, page);
}

/** Every person (the removed too) with their employment and pension insurance, by ID number (the primary key). */
async function personRows(db: HrDb, page: BulkCursor): Promise<BulkPage> {
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

/** The birth date an 18-character ID number carries (GB 11643: characters 7–14), as YYYY-MM-DD. */
const birthDate = sql<string>`substr(${persons.idNumber}, 7, 4) || '-' || substr(${persons.idNumber}, 11, 2) || '-' || substr(${persons.idNumber}, 13, 2)`;

/**
 * 人员重复信息筛查 (DESIGN §3.8): persons who share a name, a birth date and a native place under
 * different ID numbers, one row per group, computed here by one aggregate over HR's own table so that
 * only the groups (few, whatever the province's size) travel to the run. The native place is part of
 * the rule because a name and a birth date alone are shared by different people in a city
 * (the demo city's 21,000 persons have one such pair, a province's 100,000 eight). 15-character
 * numbers (no century) are left to INVALID_ID_NUMBER.
 */
async function sameNameBirthGroups(db: HrDb, page: BulkCursor): Promise<BulkPage> {
  const key = [persons.name, birthDate, persons.nativePlace];
  const full = sql`length(${persons.idNumber}) = 18`;
  // The keys of this page's groups first (one pass over the persons, nothing but counting), then their records.
  const groupKeys = () =>
    db
      .select({ name: persons.name, birthDate: birthDate.as('birth_date'), nativePlace: persons.nativePlace })
      .from(persons)
      .where(and(full, afterKey(key, page.after)))
      .groupBy(...key)
      .having(sql`count(*) > 1`);
  const g = groupKeys()
    .orderBy(...key.map((k) => asc(k)))
    .limit(page.limit + 1)
    .as('g');
  const rows = await db
    .select({
      name: g.name,
      birthDate: g.birthDate,
      nativePlace: g.nativePlace,
      idNumbers: sql<string>`string_agg(${persons.idNumber}, ',' order by ${persons.idNumber})`,
      creditCodes: sql<string>`string_agg(coalesce(${employments.institutionCreditCode}, ''), ',' order by ${persons.idNumber})`,
    })
    .from(g)
    .innerJoin(persons, and(full, eq(persons.name, g.name), eq(birthDate, g.birthDate), eq(persons.nativePlace, g.nativePlace)))
    .leftJoin(employments, eq(employments.idNumber, persons.idNumber))
    .groupBy(g.name, g.birthDate, g.nativePlace)
    .orderBy(asc(g.name), asc(g.birthDate), asc(g.nativePlace));
  // The first page counts the groups only when they do not all fit on it.
  const total = page.after !== null ? null : rows.length <= page.limit ? rows.length : ((await db.select({ n: count() }).from(groupKeys().as('k')))[0]?.n ?? 0);
  return bulkPage(rows, ['name', 'birthDate', 'nativePlace', 'idNumbers', 'creditCodes'], ['name', 'birthDate', 'nativePlace'], page.limit, total);
}
