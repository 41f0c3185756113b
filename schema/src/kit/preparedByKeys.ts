import { Column, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { pgArray } from './sheets/pgArray.ts';

/**
 * `column in (select unnest($keys::text[]))`: anyOf's condition with the keys left as the placeholder
 * `keys` of a prepared query. Not `= any($keys)`: once PostgreSQL keeps a prepared statement's generic
 * plan, it cannot hash an array it does not know, and a table it scans compares every row with every
 * key (organization's 1,252 cadres against a Roster's 808 persons: 11.2 ms; as a semi-join: 0.3 ms).
 */
export function anyOfKeys(column: PgColumn): SQL {
  return sql`${column} in (select unnest(${sql.placeholder('keys')}::text[]))`;
}

/** What drizzle's prepared queries (both drivers) give: a statement to execute with its placeholders' values. */
export interface Prepared<TValues, TRow> {
  execute(values: TValues): Promise<TRow[]>;
}

/**
 * A statement built and prepared by drizzle once per database handle instead of on every call (building
 * the query, drizzle's `is()` checks and SQL assembly, cost about as much CPU as mapping the 808 rows of
 * a Roster's batch), its rows mapped by `compileRowMapper`. Still one statement per call, logged and
 * counted like any other.
 */
export function preparedStatement<TDb extends object, TValues, TRow>(name: string, build: (db: TDb) => { prepare(name: string): Prepared<TValues, TRow> }) {
  const prepared = new WeakMap<TDb, Prepared<TValues, TRow>>();
  return (db: TDb, values: TValues): Promise<TRow[]> => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db).prepare(name);
      compileRowMapper(query);
      prepared.set(db, query);
    }
    return query.execute(values);
  };
}

/** Turns a hand-written statement into its text and parameters, as the database's own dialect would (no casing option is used here). */
const dialect = new PgDialect();

/**
 * A hand-written statement (drizzle's `sql`, its values as `sql.placeholder(name)`) prepared once per
 * database handle, as drizzle prepares its builders' statements with `.prepare(name)`. `db.execute(sql)`
 * never prepares: postgres.js then describes a statement with parameters in a round trip of its own
 * before every execution, and PostgreSQL parses and plans it each time.
 */
export function preparedSql<TValues extends Record<string, unknown>, TRow = Record<string, unknown>>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  // preparedStatement's cache per handle; there are no selected fields to map, so the driver's result is returned as it came.
  const execute = preparedStatement(name, (db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>) => ({
    prepare: (statementName: string) => db._.session.prepareQuery(query, undefined, statementName, false) as unknown as Prepared<TValues, never>,
  }));
  return async (db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>, values: TValues): Promise<TRow[]> => {
    // postgres.js gives the rows, PGlite a result holding them.
    const result = (await execute(db, values)) as unknown as TRow[] | { rows: TRow[] };
    return Array.isArray(result) ? result : result.rows;
  };
}

/** A loader's statement by a batch of keys (`where … anyOfKeys(column)`), prepared once (preparedStatement); the keys travel as one array parameter, as with anyOf. */
export function preparedByKeys<TDb extends object, TRow>(name: string, build: (db: TDb) => { prepare(name: string): Prepared<{ keys: string }, TRow> }) {
  const execute = preparedStatement(name, build);
  return (db: TDb, keys: readonly string[]): Promise<TRow[]> => execute(db, { keys: pgArray(keys) });
}

/** What drizzle's prepared select keeps of its selection (both drivers' prepared queries; not in its types). */
interface SelectionOf {
  fields?: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown[];
}
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/**
 * Maps a prepared select's rows as drizzle's `mapResultRow` does (the same objects: keys in selection
 * order, a left-joined table's object null when its first column is), with the decoder of each column
 * found once per statement instead of once per row and column: in the profile of a Roster's 808-row
 * fetches, drizzle's `is()` inside mapResultRow was the top JavaScript entry, and its `path.entries()`
 * iterators per cell fed the garbage collector. Columns nested one level (`person: getTableColumns(…)`)
 * or flat only; another shape keeps drizzle's own mapping (false).
 */
export function compileRowMapper(query: object): boolean {
  const q = query as SelectionOf;
  const fields = q.fields;
  if (!fields || fields.some((f) => f.path.length > 2)) return false;
  const decoders: Decoder[] = [];
  for (const { field } of fields) {
    const f = field as { decoder?: Decoder; sql?: { decoder: Decoder }; _?: { sql: { decoder: Decoder } } };
    const decoder = is(field, Column) ? (field as Decoder) : (f.decoder ?? f._?.sql.decoder ?? f.sql?.decoder);
    if (!decoder) return false;
    decoders.push(decoder);
  }
  // One group per top-level key: a plain column, or an object of columns (a joined table's).
  interface Group {
    key: string;
    from: number;
    to: number;
    nested: boolean;
    nullable: boolean;
  }
  const groups: Group[] = [];
  for (let i = 0; i < fields.length; i++) {
    const { path } = fields[i]!;
    const last = groups.at(-1);
    if (path.length === 2 && last?.nested && last.key === path[0]) last.to = i + 1;
    else groups.push({ key: path[0]!, from: i, to: i + 1, nested: path.length === 2, nullable: false });
  }
  for (const g of groups) {
    if (!g.nested) continue;
    const columns = fields.slice(g.from, g.to).map(({ field }) => field);
    if (!columns.every((c) => is(c, Column))) return false;
    // drizzle's rule: the object is null when its first value is, all its columns are of one table, and that table may be missing (a left join).
    const tables = columns.map((c) => getTableName((c as Column).table));
    const table = tables[0]!;
    g.nullable = q.joinsNotNullableMap !== undefined && tables.every((t) => t === table) && !q.joinsNotNullableMap[table];
  }
  const leaves = fields.map((f) => f.path.at(-1)!);
  q.customResultMapper = (rows) => {
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const result: Record<string, unknown> = {};
      for (const g of groups) {
        if (!g.nested) {
          const raw = row[g.from];
          result[g.key] = raw === null ? null : decoders[g.from]!.mapFromDriverValue(raw);
          continue;
        }
        if (g.nullable && row[g.from] === null) {
          result[g.key] = null;
          continue;
        }
        const object: Record<string, unknown> = {};
        for (let i = g.from; i < g.to; i++) {
          const raw = row[i];
          object[leaves[i]!] = raw === null ? null : decoders[i]!.mapFromDriverValue(raw);
        }
        result[g.key] = object;
      }
      out[r] = result;
    }
    return out;
  };
  return true;
}
