import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { pgArray } from './pgArray.ts';

/**
 * Inserts a batch of rows in one statement, `insert … select * from unnest($1::text[], $2::date[] …)`,
 * one array parameter per column; on a conflict of `key` the other columns are overwritten (an
 * upsert), or, without `key`, nothing is done about conflicts. Columns left out of a row are null.
 */
// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle transaction
export async function bulkUpsert<T extends PgTable>(tx: Db<any>, table: T, rows: readonly T['$inferInsert'][], key?: PgColumn): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const { schema } = getTableConfig(table);
  const target = schema ? sql`${sql.identifier(schema)}.${sql.identifier(getTableName(table))}` : sql.identifier(getTableName(table));
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const arrays = sql.join(
    columns.map(([field, column]) => sql`${pgArray(rows.map((row) => (row as Record<string, unknown>)[field] ?? null))}::${sql.raw(column.getSQLType())}[]`),
    sql`, `,
  );
  const update = key
    ? sql`on conflict (${sql.identifier(key.name)}) do update set ${sql.join(
        columns.filter(([, column]) => column !== key).map(([, column]) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`),
        sql`, `,
      )}`
    : sql``;
  await tx.execute(sql`insert into ${target} (${names}) select * from unnest(${arrays}) ${update}`);
}
