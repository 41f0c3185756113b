import { AGEING_FROM_AGE, ageBandSql, ageSql, genderSql, inScopeSql } from '@hub/schema';
import { and, count, eq, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { ShareBase, WorkforceDimension } from '../generated/enums.ts';
import type { HrDb } from './queries.ts';
import { employments, persons } from './schema.ts';

/** The SQL of one dimension, and whether it needs the persons table (the employment row alone has the ID number and type). */
function dimensionSql(dimension: WorkforceDimension, asOf: string): { expr: SQL; needsPerson: boolean } {
  switch (dimension) {
    case 'GENDER':
      return { expr: genderSql(employments.idNumber), needsPerson: false };
    case 'AGE_BAND':
      return { expr: ageBandSql(employments.idNumber, asOf), needsPerson: false };
    case 'EMPLOYMENT_TYPE':
      return { expr: sql`${employments.type}`, needsPerson: false };
    case 'EDUCATION':
      return { expr: sql`${persons.education}`, needsPerson: true };
    case 'DEGREE':
      return { expr: sql`${persons.degree}`, needsPerson: true };
    case 'ETHNICITY':
      return { expr: sql`nullif(${persons.ethnicity}, '')`, needsPerson: true };
    case 'TITLE_LEVEL':
      return { expr: sql`${persons.titleLevel}`, needsPerson: true };
  }
}

/** Who is counted: everyone, the in-quota staff or the out-of-quota staff. */
const baseFilter = (base: ShareBase): SQL | undefined =>
  base === 'IN_QUOTA_STAFF' ? eq(employments.type, 'IN_QUOTA') : base === 'OUT_OF_QUOTA_STAFF' ? ne(employments.type, 'IN_QUOTA') : undefined;

/**
 * Staff of the scope's institutions per value of one or two dimensions: one GROUP BY over the
 * employments (joined to the persons only for a dimension they hold), never a person read out.
 */
export function structureRows(
  db: HrDb,
  creditCodes: readonly string[],
  dimension: WorkforceDimension,
  by: WorkforceDimension | null,
  base: ShareBase,
  asOf: string,
) {
  const first = dimensionSql(dimension, asOf);
  const second = by ? dimensionSql(by, asOf) : { expr: sql`null::text`, needsPerson: false };
  const select = {
    value: sql<string | null>`${first.expr}`.as('value'),
    byValue: sql<string | null>`${second.expr}`.as('by_value'),
    count: count(),
  };
  const where = and(inScopeSql(employments.institutionCreditCode, creditCodes), baseFilter(base));
  const from = db.select(select).from(employments);
  const joined = first.needsPerson || second.needsPerson ? from.innerJoin(persons, eq(persons.idNumber, employments.idNumber)) : from;
  return joined.where(where).groupBy(sql`1`, sql`2`);
}

/** Staff of the scope by employment type. */
export const typeCountRows = (db: HrDb, creditCodes: readonly string[]) =>
  db
    .select({ type: employments.type, count: count() })
    .from(employments)
    .where(inScopeSql(employments.institutionCreditCode, creditCodes))
    .groupBy(employments.type);

/** Staff still employed per year their employment began and type, from `fromYear` to `toYear`. */
export function joiningRows(db: HrDb, creditCodes: readonly string[], fromYear: number, toYear: number) {
  const year = sql<number>`extract(year from ${employments.since})::int`;
  return db
    .select({ year: year.as('year'), type: employments.type, count: count() })
    .from(employments)
    .where(
      and(inScopeSql(employments.institutionCreditCode, creditCodes), gte(employments.since, `${fromYear}-01-01`), lte(employments.since, `${toYear}-12-31`)),
    )
    .groupBy(sql`1`, employments.type);
}

/**
 * Staff per gender and birth date born from `bornFrom` to `bornTo` (YYYYMMDD, inclusive), the only
 * ones who can reach retirement age within the forecast, and one count of those born before `bornFrom`
 * (past every retirement age): at most a few thousand groups, never a person.
 */
export async function retirementRows(db: HrDb, creditCodes: readonly string[], bornFrom: number, bornTo: number) {
  const birth = sql<number>`substr(${employments.idNumber}, 7, 8)::int`;
  const scope = inScopeSql(employments.institutionCreditCode, creditCodes);
  const [groups, [older]] = await Promise.all([
    db
      .select({ gender: sql<'MALE' | 'FEMALE'>`${genderSql(employments.idNumber)}`.as('gender'), birth: birth.as('birth'), count: count() })
      .from(employments)
      .where(and(scope, sql`${birth} between ${bornFrom} and ${bornTo}`))
      .groupBy(sql`1`, sql`2`),
    db
      .select({ count: count() })
      .from(employments)
      .where(and(scope, sql`${birth} < ${bornFrom}`)),
  ]);
  return { groups, olderCount: Number(older?.count ?? 0) };
}

/** Per institution of the scope: all staff, those over 50 on `asOf`, and the in-quota ones. */
export function institutionProfileRows(db: HrDb, creditCodes: readonly string[], asOf: string) {
  return db
    .select({
      creditCode: employments.institutionCreditCode,
      total: count(),
      over50: sql<number>`count(*) filter (where ${ageSql(employments.idNumber, asOf)} >= ${sql.raw(String(AGEING_FROM_AGE))})`.mapWith(Number),
      inQuota: sql<number>`count(*) filter (where ${employments.type} = 'IN_QUOTA')`.mapWith(Number),
    })
    .from(employments)
    .where(inScopeSql(employments.institutionCreditCode, creditCodes))
    .groupBy(employments.institutionCreditCode);
}
