import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRowMapper, creditCodeCheckChar, idNumberCheckChar, pgArray } from '@hub/schema';
import { openTestDatabase } from '@hub/schema/testing';
import { type HrDb, workforcePageQuery, workforcePagesByInstitutions } from '../src/db/queries.ts';
import { hr } from '../src/server.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const code = (body: string) => body + creditCodeCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const CLINIC = code('12410100MB0000003');
const TEACHER = id('41010219850317001');
const CLEANER = id('41030219700101004');
const NURSE = id('41010219900101002');
/** An employment whose person HR has no row for (a broken database): the joined person must be null, not an object of nulls. */
const GHOST = id('41010219910101003');

let database: Awaited<ReturnType<typeof openTestDatabase<HrDb>>>;

beforeAll(async () => {
  database = await openTestDatabase(hr);
  await hr.seed(database.db, {
    persons: [
      {
        idNumber: TEACHER,
        name: '王伟',
        ethnicity: '汉族',
        nativePlace: '河南郑州',
        titleName: '中学一级教师',
        titleLevel: 'INTERMEDIATE',
        workStartDate: '2010-09-01',
      },
      { idNumber: CLEANER, name: '赵敏', ethnicity: '回族', nativePlace: '河南洛阳' },
      { idNumber: NURSE, name: '李娜', ethnicity: '汉族', nativePlace: '河南开封', education: 'UNDERGRADUATE' },
    ],
    employments: [
      { idNumber: TEACHER, institutionCreditCode: SCHOOL, type: 'IN_QUOTA', since: '2010-09-01' },
      { idNumber: CLEANER, institutionCreditCode: SCHOOL, type: 'LABOR_DISPATCH', since: '2021-03-01' },
      { idNumber: GHOST, institutionCreditCode: SCHOOL, type: 'IN_QUOTA', since: '2022-01-01' },
      { idNumber: NURSE, institutionCreditCode: CLINIC, type: 'IN_QUOTA', since: '2015-07-01' },
    ],
    insurances: [],
  });
});
afterAll(() => database.close());

describe('the prepared workforce page', () => {
  // drizzle's own mapping of the same statement (prepared without the kit's compiled row mapper).
  const drizzleMapped = (ofType: boolean, values: Record<string, unknown>) => workforcePageQuery(database.db, ofType).prepare('drizzle_mapped').execute(values);

  it("is one the kit's compiled row mapper takes (or the comparison below would be drizzle's with itself)", () => {
    expect(compileRowMapper(workforcePageQuery(database.db, false).prepare('probe'))).toBe(true);
    expect(compileRowMapper(workforcePageQuery(database.db, true).prepare('probe'))).toBe(true);
  });

  it.each([
    { type: null, limit: 50, offset: 0 },
    { type: null, limit: 1, offset: 1 },
    { type: 'IN_QUOTA' as const, limit: 50, offset: 0 },
    { type: 'LABOR_DISPATCH' as const, limit: 50, offset: 0 },
  ])('maps its rows as drizzle does: %o', async ({ type, limit, offset }) => {
    const codes = [SCHOOL, CLINIC];
    const rows = await workforcePagesByInstitutions(database.db, codes, type, limit, offset);
    const expected = await drizzleMapped(type !== null, { keys: pgArray(codes), after: offset, upTo: offset + limit + 1, ...(type ? { type } : {}) });
    expect(rows.length).toBeGreaterThan(0);
    // The same objects, keys in the same order.
    expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
  });

  it('reads only the person columns it is given, mapped as drizzle maps the narrowed statement, a missing person still null', async () => {
    const narrow = { key: 'idNumber,name', columns: ['idNumber', 'name'] } as const;
    const codes = [SCHOOL, CLINIC];
    const rows = await workforcePagesByInstitutions(database.db, codes, null, 50, 0, narrow);
    const expected = await workforcePageQuery(database.db, false, narrow)
      .prepare('drizzle_mapped_narrow')
      .execute({ keys: pgArray(codes), after: 0, upTo: 51 });
    expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
    const wide = await workforcePagesByInstitutions(database.db, codes, null, 50, 0);
    expect(rows.map((r) => r.person)).toEqual(wide.map((r) => r.person && { idNumber: r.person.idNumber, name: r.person.name }));
    expect(rows.find((r) => r.idNumber === GHOST)!.person).toBeNull();
  });

  it('gives a missing person as null and a known one whole, its dates as strings', async () => {
    const rows = await workforcePagesByInstitutions(database.db, [SCHOOL], null, 50, 0);
    expect(rows.map((r) => [r.idNumber, r.listSize, r.person?.name ?? null])).toEqual(
      [
        [GHOST, 3, null],
        [TEACHER, 3, '王伟'],
        [CLEANER, 3, '赵敏'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(rows.find((r) => r.idNumber === GHOST)!.person).toBeNull();
    expect(rows.find((r) => r.idNumber === TEACHER)!.person).toMatchObject({
      idNumber: TEACHER,
      workStartDate: '2010-09-01',
      titleLevel: 'INTERMEDIATE',
      education: null,
    });
    expect(rows.find((r) => r.idNumber === TEACHER)!.since).toBe('2010-09-01');
  });
});
