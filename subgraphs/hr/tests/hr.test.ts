import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDay, creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { HrDb } from '../src/db/queries.ts';
import { createServer, hr } from '../src/server.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const code = (body: string) => body + creditCodeCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const TEACHER = id('41010219850317001');
const CLEANER = id('41030219700101004');

let database: Awaited<ReturnType<typeof openTestDatabase<HrDb>>>;
const server = createServer();

const OPERATOR: Viewer = { office: 'hr', role: 'OPERATOR', sub: 'hr-operator' };

const run = (query: string, variables?: Record<string, unknown>, viewer: Viewer | null = OPERATOR) =>
  runOperation(server, createContext(database.db, viewer), query, variables);

beforeAll(async () => {
  database = await openTestDatabase(hr);
  await hr.seed(database.db, {
    persons: [
      {
        idNumber: TEACHER,
        name: '王伟',
        ethnicity: '汉族',
        nativePlace: '河南郑州',
        education: 'UNDERGRADUATE',
        degree: 'BACHELOR',
        titleName: '中学一级教师',
        titleLevel: 'INTERMEDIATE',
      },
      { idNumber: CLEANER, name: '赵敏', ethnicity: '回族', nativePlace: '河南洛阳' },
    ],
    employments: [
      { idNumber: TEACHER, institutionCreditCode: SCHOOL, type: 'IN_QUOTA', since: '2010-09-01' },
      { idNumber: CLEANER, institutionCreditCode: SCHOOL, type: 'LABOR_DISPATCH', since: '2021-03-01' },
    ],
    insurances: [{ idNumber: TEACHER, pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true, occupationalAnnuity: true, since: '2010-09-01' }],
  });
});
afterAll(() => database.close());

describe('hr subgraph', () => {
  it('answers a person with identity derived from the ID number', async () => {
    const result = await run(
      `query($id: ID!) { person(idNumber: $id) { idNumber name gender birthDate ethnicity education degree professionalTitle { name level } insurance { pensionAccount enrolled } employment { type since institution { creditCode } } } }`,
      { id: TEACHER },
    );
    expect(result.data).toEqual({
      person: {
        idNumber: TEACHER,
        name: '王伟',
        gender: 'MALE',
        birthDate: '1985-03-17',
        ethnicity: '汉族',
        education: 'UNDERGRADUATE',
        degree: 'BACHELOR',
        professionalTitle: { name: '中学一级教师', level: 'INTERMEDIATE' },
        insurance: { pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true },
        employment: { type: 'IN_QUOTA', since: '2010-09-01', institution: { creditCode: SCHOOL } },
      },
    });
  });

  it("lists an institution's workforce by type, in quota or not", async () => {
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { workforceByType { type count } workforce(type: LABOR_DISPATCH) { totalCount nodes { person { name } } } } } }`,
      { r: [{ __typename: 'Institution', creditCode: SCHOOL }] },
    );
    expect(result.data).toEqual({
      _entities: [
        {
          workforceByType: [
            { type: 'IN_QUOTA', count: 1 },
            { type: 'LABOR_DISPATCH', count: 1 },
          ],
          workforce: { totalCount: 1, nodes: [{ person: { name: '赵敏' } }] },
        },
      ],
    });
  });

  it('registers a person from a lower-case x ID number, never asking for birth date or gender', async () => {
    const idNumber = id('41010519880808002');
    const mutation = `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber gender birthDate } } }`;
    const result = await run(mutation, { i: { idNumber: idNumber.toLowerCase(), name: '孙丽', ethnicity: '汉族', nativePlace: '河南开封' } });
    expect(result.data).toEqual({ registerPerson: { person: { idNumber, gender: 'FEMALE', birthDate: '1988-08-08' } } });
  });

  it('refuses a mistyped ID number with INVALID_ID_NUMBER and writes nothing', async () => {
    const before = await run(`{ persons { totalCount } }`);
    const typo = TEACHER.slice(0, 16) + ((Number(TEACHER[16]) + 2) % 10) + TEACHER[17];
    const result = await run(`mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber } } }`, {
      i: { idNumber: typo, name: '王伟', ethnicity: '汉族', nativePlace: '河南郑州' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ID_NUMBER', field: 'input.idNumber' });
    expect(result.errors?.[0]?.message).toMatch(/校验码.*check character/);
    expect(await run(`{ persons { totalCount } }`)).toEqual(before);
  });

  it('refuses a valid ID number whose holder cannot be a member of staff, with STAFF_AGE_OUT_OF_RANGE, and writes nothing', async () => {
    const year = Number(beijingDay().slice(0, 4));
    const fifteen = id(`410102${year - 15}0101001`); // valid by GB 11643, but 15 all this year
    const hundredAndOne = id(`440524${year - 101}0101002`); // valid by GB 11643, but 101 all this year
    const register = `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber } } }`;
    const lookup = `query($a: ID!, $b: ID!) { a: person(idNumber: $a) { name } b: person(idNumber: $b) { name } persons { totalCount } }`;
    const before = await run(lookup, { a: fifteen, b: hundredAndOne });
    const refusals = [];
    for (const idNumber of [fifteen, hundredAndOne]) {
      const result = await run(register, { i: { idNumber, name: '张明', ethnicity: '汉族', nativePlace: '广东汕头' } });
      refusals.push([result.data, result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])]);
    }
    expect(refusals).toEqual([
      [{ registerPerson: null }, [['STAFF_AGE_OUT_OF_RANGE', 'input.idNumber']]],
      [{ registerPerson: null }, [['STAFF_AGE_OUT_OF_RANGE', 'input.idNumber']]],
    ]);
    const after = await run(lookup, { a: fifteen, b: hundredAndOne });
    expect(after).toEqual(before);
    expect(after.errors).toBeUndefined();
    expect(after.data).toMatchObject({ a: null, b: null });
  });

  it('looks up a valid old number by GB 11643 alone: not found, not invalid', async () => {
    // GB 11643-1999's own example, born 1880: a number the standard accepts, of no one HR has registered.
    const result = await run(`query($id: ID!) { person(idNumber: $id) { name } }`, { id: '440524188001010014' });
    expect(result).toEqual({ data: { person: null } });
  });

  it("limits a unit operator to its own unit's persons", async () => {
    const clerk: Viewer = { office: 'hr', role: 'UNIT_OPERATOR', sub: 'clerk', unit: SCHOOL };
    const mine = await run(`query($id: ID!) { person(idNumber: $id) { name } persons { totalCount } }`, { id: CLEANER }, clerk);
    expect(mine.data).toEqual({ person: { name: '赵敏' }, persons: { totalCount: 2 } });
    const elsewhere: Viewer = { ...clerk, unit: `11410100MB0000001${creditCodeCheckChar('11410100MB0000001')}` };
    const refused = await run(`query($id: ID!) { person(idNumber: $id) { name } persons { totalCount } }`, { id: CLEANER }, elsewhere);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_UNIT', field: 'idNumber' });
    expect(refused.data).toEqual({ person: null, persons: { totalCount: 0 } });
  });

  it('filters persons by name prefix and employment type', async () => {
    const result = await run(`{ a: persons(name: "王") { totalCount nodes { name } } b: persons(employmentType: LABOR_DISPATCH) { nodes { name } } }`);
    expect(result.data).toEqual({ a: { totalCount: 1, nodes: [{ name: '王伟' }] }, b: { nodes: [{ name: '赵敏' }] } });
  });
});
