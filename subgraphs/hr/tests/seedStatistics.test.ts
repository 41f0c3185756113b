import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, type RunningSubgraph, startSubgraph } from '@hub/schema';
import { createFreshDatabase, testConfig } from '@hub/schema/testing';
import { hr } from '../src/server.ts';

const SCHOOL = `12410100MB0000002${creditCodeCheckChar('12410100MB0000002')}`;
const persons = Array.from({ length: 40 }, (_, i) => {
  const body = `4101021985031${String(i).padStart(4, '0')}`;
  return { idNumber: body + idNumberCheckChar(body), name: `教师${i}`, ethnicity: '汉族', nativePlace: '河南郑州' };
});

let subgraph: RunningSubgraph | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await subgraph?.stop();
  await drop?.();
});

describe('a subgraph seeded on its first start', () => {
  it('has planner statistics for its own tables right after the load (PGlite has no autovacuum)', async () => {
    const fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
    drop = fresh?.drop;
    subgraph = await startSubgraph(hr, {
      databaseUrl: fresh?.url,
      port: 0,
      host: '127.0.0.1',
      secret: randomBytes(32).toString('hex'),
      seedData: () => ({
        persons,
        employments: persons.map((p) => ({ idNumber: p.idNumber, institutionCreditCode: SCHOOL, type: 'IN_QUOTA' as const, since: '2010-09-01' })),
        insurances: [],
      }),
    });
    const result = await subgraph.database.db.execute(
      sql`select c.relname as name, c.reltuples::int as rows from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'hr' and c.relname in ('persons', 'employments') order by c.relname`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    // reltuples is -1 until a table is first analyzed (or vacuumed).
    expect(rows).toEqual([
      { name: 'employments', rows: 40 },
      { name: 'persons', rows: 40 },
    ]);
  });
});
