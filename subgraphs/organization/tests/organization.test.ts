import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { OrganizationDb } from '../src/db/queries.ts';
import { createServer, organization } from '../src/server.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const BUREAU = `11410100MB0000001${creditCodeCheckChar('11410100MB0000001')}`;
const CHIEF = id('41010219700317001');
const STAFF = id('41010219900317003');

let database: Awaited<ReturnType<typeof openTestDatabase<OrganizationDb>>>;
const server = createServer();

const run = (query: string, variables?: Record<string, unknown>) => runOperation(server, createContext(database.db), query, variables);

beforeAll(async () => {
  database = await openTestDatabase(organization);
  await organization.seed(database.db, {
    cadres: [
      { idNumber: CHIEF, name: '张强', institutionCreditCode: BUREAU, post: '局长', rank: 'DIVISION', leadership: true, appointedOn: '2021-06-01' },
      {
        idNumber: STAFF,
        name: '刘洋',
        institutionCreditCode: BUREAU,
        post: '一级主任科员',
        rank: 'PRINCIPAL_STAFF',
        leadership: false,
        appointedOn: '2023-01-01',
      },
    ],
  });
});
afterAll(() => database.close());

describe('organization subgraph', () => {
  it('counts filled leadership posts and lists cadres of an institution', async () => {
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { leadershipPostsFilled cadres { name post leadership } } } }`,
      {
        r: [{ __typename: 'Institution', creditCode: BUREAU }],
      },
    );
    expect(result.data).toEqual({
      _entities: [
        {
          leadershipPostsFilled: 1,
          cadres: [
            { name: '张强', post: '局长', leadership: true },
            { name: '刘洋', post: '一级主任科员', leadership: false },
          ],
        },
      ],
    });
  });

  it('resolves a person to their cadre record, or null for a non-cadre', async () => {
    const other = id('41010219950101005');
    const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber cadre { rank appointedOn } } } }`, {
      r: [
        { __typename: 'Person', idNumber: CHIEF },
        { __typename: 'Person', idNumber: other },
      ],
    });
    expect(result.data).toEqual({
      _entities: [
        { idNumber: CHIEF, cadre: { rank: 'DIVISION', appointedOn: '2021-06-01' } },
        { idNumber: other, cadre: null },
      ],
    });
  });

  it('refuses an invalid ID number in _entities at its own entry only, the others answered', async () => {
    const typo = CHIEF.slice(0, 17) + (CHIEF[17] === '0' ? '1' : '0');
    const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber cadre { post } } } }`, {
      r: [
        { __typename: 'Person', idNumber: CHIEF },
        { __typename: 'Person', idNumber: typo },
        { __typename: 'Person', idNumber: STAFF.toLowerCase() },
      ],
    });
    expect(result.data).toEqual({ _entities: [{ idNumber: CHIEF, cadre: { post: '局长' } }, null, { idNumber: STAFF, cadre: { post: '一级主任科员' } }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'INVALID_ID_NUMBER', field: 'idNumber' } });
  });

  it('refuses an invalid ID number at the root field', async () => {
    const typo = CHIEF.slice(0, 17) + (CHIEF[17] === '0' ? '1' : '0');
    const result = await run(`query($id: ID!) { cadre(idNumber: $id) { name } }`, { id: typo });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ID_NUMBER', field: 'idNumber' });
  });
});
