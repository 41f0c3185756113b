import { and, asc, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';
import { anyOf } from './sheets/anyOf.ts';

/**
 * The same page (limit + 1 rows from offset) of the children of several parents in one statement:
 * rows are numbered per parent with a window function, so a list of N parents costs one query.
 */
export async function windowedPage<TTable extends PgTable>(
  // biome-ignore lint/suspicious/noExplicitAny: any office's database; the tables passed in carry the types
  db: Db<any>,
  table: TTable,
  columns: { parent: AnyPgColumn; order: AnyPgColumn },
  parents: readonly string[],
  limit: number,
  offset: number,
  where?: SQL,
): Promise<TTable['$inferSelect'][]> {
  const ranked = db
    .select({
      ...getTableColumns(table),
      rowNumber: sql<number>`row_number() over (partition by ${columns.parent} order by ${columns.order})`.as('row_number'),
    })
    .from(table as PgTable)
    .where(and(anyOf(columns.parent, parents), where))
    .as('ranked');
  const rowNumber = sql.raw('"ranked"."row_number"');
  const rows = (await db
    .select()
    .from(ranked as unknown as PgTable)
    .where(sql`${rowNumber} > ${offset} and ${rowNumber} <= ${offset + limit + 1}`)
    .orderBy(asc(rowNumber))) as Record<string, unknown>[];
  return rows.map(({ rowNumber: _, ...row }) => row as TTable['$inferSelect']);
}
