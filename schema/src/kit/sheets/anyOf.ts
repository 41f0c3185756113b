import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { pgArray } from './pgArray.ts';

/** `column = any($1::text[])`: drizzle's inArray with a thousand keys as one parameter (see pgArray). */
export function anyOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${pgArray(values)}::text[])`;
}
