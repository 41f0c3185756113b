import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { pgArray } from './sheets/pgArray.ts';

/** `column = any($keys::text[])`: anyOf's condition with the keys left as the placeholder `keys` of a prepared query. */
export function anyOfKeys(column: PgColumn): SQL {
  return sql`${column} = any(${sql.placeholder('keys')}::text[])`;
}

interface PreparedByKeys<TRow> {
  execute(values: { keys: string }): Promise<TRow[]>;
}

/**
 * A loader's statement by a batch of keys (`where … anyOfKeys(column)`), built and prepared by drizzle
 * once per database handle instead of on every batch: building the query (drizzle's `is()` checks,
 * its SQL assembly) cost about as much CPU as mapping its 808 rows for a Roster's `_entities`. The
 * keys travel as one array parameter, as with anyOf. Still one statement per batch, logged and
 * counted like any other.
 */
export function preparedByKeys<TDb extends object, TRow>(name: string, build: (db: TDb) => { prepare(name: string): PreparedByKeys<TRow> }) {
  const prepared = new WeakMap<TDb, PreparedByKeys<TRow>>();
  return (db: TDb, keys: readonly string[]): Promise<TRow[]> => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db).prepare(name);
      prepared.set(db, query);
    }
    return query.execute({ keys: pgArray(keys) });
  };
}
