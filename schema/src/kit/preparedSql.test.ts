import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../testing/freshDatabase.ts';
import { testConfig } from '../testing/testConfig.ts';
import { type Database, openDatabase } from './db.ts';
import { preparedSql } from './preparedByKeys.ts';

const MARKER = 'kit_prepared_sql_marker';
const echo = preparedSql<{ n: number; label: string }, { next: number; label: string }>(
  'kit_prepared_sql_echo',
  sql`select ${sql.placeholder('n')}::int + 1 as next, ${sql.placeholder('label')}::text as label ${sql.raw(`/* ${MARKER} */`)}`,
);

let fresh: FreshDatabase | undefined;
let database: Database<Record<string, never>>;
beforeAll(async () => {
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  // One connection, so that the server's prepared statements seen below are the ones this handle made.
  database = await openDatabase({ url: fresh?.url, schemaName: 'kit_test', schema: {}, migrationsFolder: '.', maxConnections: 1 });
});
afterAll(async () => {
  await database.close();
  await fresh?.drop();
});

/** The server's prepared statements of this connection whose text carries the marker (split here, so this statement's own text does not). */
async function preparedOnServer(): Promise<number> {
  const rows = (await database.db.execute(
    sql.raw(`select count(*)::int as n from pg_prepared_statements where statement like '%' || 'kit_prepared' || '_sql_marker%'`),
  )) as unknown as { n: number }[] | { rows: { n: number }[] };
  return (Array.isArray(rows) ? rows : rows.rows)[0]!.n;
}

describe('preparedSql', () => {
  it("fills the statement's placeholders with each call's values, on either driver", async () => {
    expect(await echo(database.db, { n: 41, label: '第一次' })).toEqual([{ next: 42, label: '第一次' }]);
    expect(await echo(database.db, { n: 1, label: 'second' })).toEqual([{ next: 2, label: 'second' }]);
  });

  it.runIf(testConfig.databaseUrl)('is prepared once on the server however often it runs (PostgreSQL)', async () => {
    const before = await preparedOnServer();
    for (let n = 0; n < 5; n++) await echo(database.db, { n, label: String(n) });
    // One server-side statement for all of them, the same as after the first test's calls.
    expect(await preparedOnServer()).toBe(1);
    expect(before).toBe(1);
  });
});
