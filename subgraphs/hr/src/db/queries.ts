import { and, asc, count, eq, getTableColumns, inArray, like, sql, type SQL } from 'drizzle-orm';
import { ALL_COLUMNS, anyOf, anyOfKeys, type ColumnSet, columnsOf, type Db, pgArray, preparedPerColumnSet } from '@hub/schema';
import type { EmploymentType } from '../generated/enums.ts';
import type * as tables from './schema.ts';
import { employments, hires, insurances, persons } from './schema.ts';

export type HrDb = Db<typeof tables>;
export type PersonRow = typeof persons.$inferSelect;
export type EmploymentRow = typeof employments.$inferSelect;
export type InsuranceRow = typeof insurances.$inferSelect;

export interface PersonFilter {
  name?: string | null;
  employmentType?: EmploymentType | null;
  /** Only persons employed by this institution (a unit operator's scope). */
  institutionCreditCode?: string | null;
}

export const personsByIdNumbers = (db: HrDb, ids: readonly string[]) => db.select().from(persons).where(anyOf(persons.idNumber, ids));

export const employmentsByIdNumbers = (db: HrDb, ids: readonly string[]) => db.select().from(employments).where(anyOf(employments.idNumber, ids));

export const insurancesByIdNumbers = (db: HrDb, ids: readonly string[]) => db.select().from(insurances).where(anyOf(insurances.idNumber, ids));

export const workforceCountsByInstitutions = (db: HrDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: employments.institutionCreditCode, type: employments.type, count: count() })
    .from(employments)
    .where(anyOf(employments.institutionCreditCode, codes))
    .groupBy(employments.institutionCreditCode, employments.type)
    .orderBy(asc(employments.type));

/**
 * An employment on a page of an institution's workforce, with its person (null: a broken database)
 * and the size of the list it is a page of (the institution's employments of the type asked for).
 */
export type WorkforceRow = EmploymentRow & { person: PersonRow | null; listSize: number };

/**
 * One page of the workforce of several institutions, in one statement: the employments numbered per
 * institution with a window function (see the kit's windowedPage), each with its person joined and
 * the list's size counted over the same window, so a Roster's persons and totalCount cost no further
 * statement and no DataLoader round trip per row. The persons' columns are those the page's selection
 * reads (`personColumns`, Person.ts's personColumnsOfPage; a Roster's name of 9 columns). Prepared once
 * per database and person column set (the kit's preparedPerColumnSet), one statement for any type and
 * one for all: a Roster asks it for 808 rows.
 */
export async function workforcePagesByInstitutions(
  db: HrDb,
  codes: readonly string[],
  type: EmploymentType | null,
  limit: number,
  offset: number,
  personColumns: ColumnSet = ALL_COLUMNS,
): Promise<WorkforceRow[]> {
  const page = { keys: pgArray(codes), after: offset, upTo: offset + limit + 1 };
  return type ? workforcePagesOfType(db, personColumns, { ...page, type }) : workforcePagesOfAll(db, personColumns, page);
}

const workforcePagesOfAll = preparedPerColumnSet('hr_workforce_pages', (db: HrDb, set) => workforcePageQuery(db, false, set));
const workforcePagesOfType = preparedPerColumnSet('hr_workforce_pages_of_type', (db: HrDb, set) => workforcePageQuery(db, true, set));

/** The workforce page statement, unprepared (its test compares the prepared mapping with drizzle's own). */
export function workforcePageQuery(db: HrDb, ofType: boolean, personColumns: ColumnSet = ALL_COLUMNS) {
  const ranked = db
    .select({
      ...getTableColumns(employments),
      rowNumber: sql<number>`row_number() over (partition by ${employments.institutionCreditCode} order by ${employments.idNumber})`.as('row_number'),
      listSize: sql<number>`(count(*) over (partition by ${employments.institutionCreditCode}))::int`.as('list_size'),
    })
    .from(employments)
    .where(and(anyOfKeys(employments.institutionCreditCode), ofType ? sql`${employments.type} = ${sql.placeholder('type')}` : undefined))
    .as('ranked');
  return db
    .select({
      idNumber: ranked.idNumber,
      institutionCreditCode: ranked.institutionCreditCode,
      type: ranked.type,
      since: ranked.since,
      listSize: ranked.listSize,
      person: columnsOf(persons, personColumns),
    })
    .from(ranked)
    .leftJoin(persons, eq(persons.idNumber, ranked.idNumber))
    .where(sql`${ranked.rowNumber} > ${sql.placeholder('after')} and ${ranked.rowNumber} <= ${sql.placeholder('upTo')}`)
    .orderBy(asc(ranked.rowNumber));
}

function personWhere(filter: PersonFilter): SQL | undefined {
  return and(
    filter.name ? like(persons.name, `${filter.name.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    filter.employmentType || filter.institutionCreditCode != null ? inArray(persons.idNumber, employedWhere(filter)) : undefined,
  );
}

function employedWhere(filter: PersonFilter) {
  return sql`(select ${employments.idNumber} from ${employments} where ${and(
    filter.employmentType ? eq(employments.type, filter.employmentType) : undefined,
    filter.institutionCreditCode != null ? eq(employments.institutionCreditCode, filter.institutionCreditCode) : undefined,
  )})`;
}

export const listPersons = (db: HrDb, filter: PersonFilter, limit: number, offset: number) =>
  db.select().from(persons).where(personWhere(filter)).orderBy(asc(persons.idNumber)).limit(limit).offset(offset);

export async function countPersons(db: HrDb, filter: PersonFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(persons).where(personWhere(filter));
  return row?.total ?? 0;
}

export const insertPerson = (db: HrDb, row: typeof persons.$inferInsert) => db.insert(persons).values(row).onConflictDoNothing().returning();

export const hiresByIdNumbers = (db: HrDb, ids: readonly string[]) => db.select().from(hires).where(anyOf(hires.idNumber, ids)).orderBy(asc(hires.id));
