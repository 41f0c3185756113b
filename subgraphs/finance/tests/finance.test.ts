import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { FinanceDb } from '../src/db/queries.ts';
import { createServer, finance } from '../src/server.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const SCHOOL = `12410100MB0000002${creditCodeCheckChar('12410100MB0000002')}`;
const PAID = [id('41010219850317001'), id('41010219860317003'), id('41010219870317005')];

let database: Awaited<ReturnType<typeof openTestDatabase<FinanceDb>>>;
const server = createServer();

const run = (query: string, variables?: Record<string, unknown>) => runOperation(server, createContext(database.db), query, variables);

beforeAll(async () => {
  database = await openTestDatabase(finance);
  await finance.seed(database.db, {
    budgetUnits: [{ code: 'YS000002', institutionCreditCode: SCHOOL, name: '某市第一中学', fundingForm: 'FULL', budgetedHeadcount: 3 }],
    payrollRecords: PAID.map((idNumber, i) => ({
      idNumber,
      nameOnRecord: `教师${i}`,
      institutionCreditCode: SCHOOL,
      onPayroll: i < 2,
      lastPaidMonth: i < 2 ? '2026-10' : '2025-12',
      budgetLine: '30101 基本工资',
      monthlyGrossPay: 6500.5 + i,
    })),
  });
});
afterAll(() => database.close());

describe('finance subgraph', () => {
  it("gives an institution's budget unit and pages its payroll", async () => {
    const q = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Institution { budgetUnit { code fundingForm budgetedHeadcount } payroll(first: 2, after: $after) { totalCount nodes { nameOnRecord onPayroll monthlyGrossPay } pageInfo { hasNextPage endCursor } } } } }`;
    const r = [{ __typename: 'Institution', creditCode: SCHOOL }];
    const first = (await run(q, { r })).data as any;
    expect(first._entities[0]).toMatchObject({
      budgetUnit: { code: 'YS000002', fundingForm: 'FULL', budgetedHeadcount: 3 },
      payroll: {
        totalCount: 3,
        nodes: [
          { nameOnRecord: '教师0', onPayroll: true, monthlyGrossPay: 6500.5 },
          { nameOnRecord: '教师1', onPayroll: true, monthlyGrossPay: 6501.5 },
        ],
        pageInfo: { hasNextPage: true },
      },
    });
    const second = (await run(q, { r, after: first._entities[0].payroll.pageInfo.endCursor })).data as any;
    expect(second._entities[0].payroll).toMatchObject({ nodes: [{ nameOnRecord: '教师2', onPayroll: false }], pageInfo: { hasNextPage: false } });
  });

  it("answers a person's payroll by the ID number Finance holds", async () => {
    const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { payroll { lastPaidMonth budgetLine } } } }`, {
      r: [{ __typename: 'Person', idNumber: PAID[2] }],
    });
    expect(result.data).toEqual({ _entities: [{ payroll: { lastPaidMonth: '2025-12', budgetLine: '30101 基本工资' } }] });
  });

  it('refuses a bad cursor as a client error', async () => {
    const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { payroll(after: "bm9wZQ==") { totalCount } } } }`, {
      r: [{ __typename: 'Institution', creditCode: SCHOOL }],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'after' });
  });
});
