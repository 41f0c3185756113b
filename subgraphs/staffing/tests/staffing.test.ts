import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { StaffingDb } from '../src/db/queries.ts';
import { createServer, staffing } from '../src/server.ts';

const code = (body: string) => body + creditCodeCheckChar(body);
const id = (body: string) => body + idNumberCheckChar(body);
const BUREAU = code('11410100MB0000001');
const SCHOOL = code('12410100MB0000002');
const A = id('41010219850317001');
const B = id('41010219900102002');

let database: Awaited<ReturnType<typeof openTestDatabase<StaffingDb>>>;
const server = createServer();

const OPERATOR: Viewer = { office: 'staffing', role: 'OPERATOR', sub: 'staffing-operator' };

const run = (query: string, variables?: Record<string, unknown>, viewer: Viewer | null = OPERATOR) =>
  runOperation(server, createContext(database.db, viewer), query, variables);

beforeAll(async () => {
  database = await openTestDatabase(staffing);
  await staffing.seed(database.db, {
    institutions: [
      { creditCode: BUREAU, name: '某市教育局', kind: 'GOVERNMENT_ORGAN', level: 'CITY', system: 'EDUCATION', fundingForm: 'FULL', leadershipPostsApproved: 5 },
      {
        creditCode: SCHOOL,
        name: '某市第一中学',
        kind: 'PUBLIC_INSTITUTION',
        level: 'CITY',
        system: 'EDUCATION',
        fundingForm: 'FULL',
        parentCreditCode: BUREAU,
      },
    ],
    quotas: [
      { institutionCreditCode: SCHOOL, category: 'PUBLIC_SERVICE', approved: 1, reserved: 0 },
      { institutionCreditCode: SCHOOL, category: 'WORKER', approved: 3, reserved: 1 },
    ],
    ledgerEntries: [A, B].map((idNumber, i) => ({
      idNumber,
      institutionCreditCode: SCHOOL,
      quotaCategory: 'PUBLIC_SERVICE' as const,
      name: i ? '李娜' : '王伟',
      ethnicity: '汉族',
      nativePlace: '河南郑州',
      politicalStatus: '中共党员',
      post: '教师',
      workStartDate: '2008-09-01',
      unitJoinDate: '2010-09-01',
      staffingCardNumber: `SY${i}`,
    })),
    staffingCards: [{ number: 'SY0', idNumber: A, institutionCreditCode: SCHOOL, category: 'PUBLIC_SERVICE', issuedOn: '2010-09-01', status: 'ACTIVE' }],
    removals: [],
  });
});
afterAll(() => database.close());

describe('staffing subgraph', () => {
  it('gives quota figures with over-quota categories as negative vacancies', async () => {
    const result = await run(`query($c: ID!) { institution(creditCode: $c) { name parent { name } quotas { category approved occupied reserved vacant } } }`, {
      c: SCHOOL,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      institution: {
        name: '某市第一中学',
        parent: { name: '某市教育局' },
        quotas: [
          { category: 'PUBLIC_SERVICE', approved: 1, occupied: 2, reserved: 0, vacant: -1 },
          { category: 'WORKER', approved: 3, occupied: 0, reserved: 1, vacant: 2 },
        ],
      },
    });
  });

  it('resolves Person entities with the ledger, deriving gender and birth date from the ID number', async () => {
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber ledgerEntry { name gender birthDate staffingCardNumber } staffingCards { number } } } }`,
      {
        r: [
          { __typename: 'Person', idNumber: B },
          { __typename: 'Person', idNumber: A.toLowerCase() },
        ],
      },
    );
    expect(result.data).toEqual({
      _entities: [
        { idNumber: B, ledgerEntry: { name: '李娜', gender: 'FEMALE', birthDate: '1990-01-02', staffingCardNumber: 'SY1' }, staffingCards: [] },
        { idNumber: A, ledgerEntry: { name: '王伟', gender: 'MALE', birthDate: '1985-03-17', staffingCardNumber: 'SY0' }, staffingCards: [{ number: 'SY0' }] },
      ],
    });
  });

  it('answers a narrow ledger selection as a wide one does, the unit scope still checked on the narrow rows', async () => {
    const entities = (selection: string, viewer?: Viewer) =>
      run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ledgerEntry { ${selection} } } } }`,
        { r: [A, B].map((idNumber) => ({ __typename: 'Person', idNumber })) },
        viewer,
      );
    const wide = await entities(
      'name gender birthDate ethnicity nativePlace politicalStatus post workStartDate unitJoinDate quotaCategory staffingCardNumber institution { creditCode } person { idNumber }',
    );
    expect(wide.errors).toBeUndefined();
    const wideEntries = (wide.data as { _entities: { ledgerEntry: Record<string, unknown> }[] })._entities.map((e) => e.ledgerEntry);
    for (const selection of ['staffingCardNumber', 'gender birthDate', 'post institution { creditCode }', 'name ... on LedgerEntry { unitJoinDate }']) {
      const narrow = await entities(selection);
      const fields = Object.keys((narrow.data as { _entities: { ledgerEntry: Record<string, unknown> }[] })._entities[0]!.ledgerEntry);
      expect(narrow.data).toEqual({ _entities: wideEntries.map((e) => ({ ledgerEntry: Object.fromEntries(fields.map((f) => [f, e[f]])) })) });
    }
    // The unit a unit operator may see is read even when nothing selected names it.
    const clerk = (unit: string): Viewer => ({ office: 'staffing', role: 'UNIT_OPERATOR', sub: 'clerk', unit });
    expect((await entities('staffingCardNumber', clerk(SCHOOL))).data).toEqual({
      _entities: [{ ledgerEntry: { staffingCardNumber: 'SY0' } }, { ledgerEntry: { staffingCardNumber: 'SY1' } }],
    });
    expect((await entities('staffingCardNumber', clerk(BUREAU))).data).toEqual({ _entities: [{ ledgerEntry: null }, { ledgerEntry: null }] });
  });

  it('pages the ledger with cursors', async () => {
    const q = `query($c: ID!, $after: String) { institution(creditCode: $c) { ledger(first: 1, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } } }`;
    const first = await run(q, { c: SCHOOL });
    const page1 = (first.data as any).institution.ledger;
    expect(page1).toMatchObject({ totalCount: 2, nodes: [{ name: '王伟' }], pageInfo: { hasNextPage: true } });
    const second = await run(q, { c: SCHOOL, after: page1.pageInfo.endCursor });
    expect((second.data as any).institution.ledger).toMatchObject({ nodes: [{ name: '李娜' }], pageInfo: { hasNextPage: false } });
  });

  it('filters institutions by kind, level and system', async () => {
    const result = await run(`{ institutions(kind: PUBLIC_INSTITUTION, system: EDUCATION, level: CITY) { totalCount nodes { creditCode } } }`);
    expect(result.data).toEqual({ institutions: { totalCount: 1, nodes: [{ creditCode: SCHOOL }] } });
  });

  it('refuses a bad credit code with a coded error and writes nothing', async () => {
    const bad = BUREAU.slice(0, 17) + (BUREAU[17] === '0' ? '1' : '0');
    const before = await run(`{ institutions { totalCount } }`);
    const result = await run(`mutation($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { creditCode } } }`, {
      i: {
        creditCode: code('12410100MB0000003'),
        name: '新单位',
        kind: 'PUBLIC_INSTITUTION',
        level: 'CITY',
        system: 'HEALTH',
        fundingForm: 'FULL',
        parentCreditCode: bad,
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CREDIT_CODE', field: 'input.parentCreditCode' });
    expect(await run(`{ institutions { totalCount } }`)).toEqual(before);
  });

  it('limits a unit operator to its own unit, even through _entities', async () => {
    const unitOperator: Viewer = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'school-clerk', unit: SCHOOL };
    const own = await run(`query($c: ID!) { institution(creditCode: $c) { name parent { name } } institutions { totalCount } }`, { c: SCHOOL }, unitOperator);
    expect(own.data).toEqual({ institution: { name: '某市第一中学', parent: null }, institutions: { totalCount: 1 } });
    const other = await run(`query($c: ID!) { institution(creditCode: $c) { name } }`, { c: BUREAU }, unitOperator);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_UNIT' });
    const entities = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { name } } }`,
      { r: [{ __typename: 'Institution', creditCode: BUREAU }] },
      unitOperator,
    );
    expect(entities.data).toEqual({ _entities: [null] });
    expect(entities.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets only the Staffing Office write, and writes nothing otherwise', async () => {
    const before = await run(`{ institutions { totalCount } }`);
    const input = {
      creditCode: code('12410100MB0000005'),
      name: '某市档案馆',
      kind: 'PUBLIC_INSTITUTION',
      level: 'CITY',
      system: 'GENERAL_AFFAIRS',
      fundingForm: 'FULL',
    };
    const mutation = `mutation($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { creditCode } } }`;
    for (const viewer of [null, { office: 'hr', role: 'OPERATOR', sub: 'x' }, { office: 'staffing', role: 'AUDITOR', sub: 'y' }] as const) {
      const result = await run(mutation, { i: input }, viewer);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITE_NOT_OWNER' });
    }
    expect(await run(`{ institutions { totalCount } }`)).toEqual(before);
  });

  it('registers an institution once, refusing a duplicate', async () => {
    const input = {
      creditCode: code('12410100MB0000004'),
      name: '某市疾控中心',
      kind: 'PUBLIC_INSTITUTION',
      level: 'CITY',
      system: 'HEALTH',
      fundingForm: 'PARTIAL',
      parentCreditCode: BUREAU.toLowerCase(),
    };
    const mutation = `mutation($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { creditCode name parent { creditCode } } } }`;
    const created = await run(mutation, { i: input });
    expect(created.data).toEqual({
      registerInstitution: { institution: { creditCode: input.creditCode, name: '某市疾控中心', parent: { creditCode: BUREAU } } },
    });
    const again = await run(mutation, { i: input });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'input.creditCode' });
  });
});
