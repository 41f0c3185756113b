import DataLoader from 'dataloader';
import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type FieldNode, getNamedType, GraphQLObjectType, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { anyOfKeys, type Prepared, preparedStatement } from './preparedByKeys.ts';
import { pgArray } from './sheets/pgArray.ts';
import type { Db } from './db.ts';
import { oneByKey } from './loaderHelpers.ts';

/**
 * The columns of a table one field's selection reads: `columns` in the table's order, or null for all
 * of them. `key` names the set (the columns joined), the same for the same columns.
 */
export interface ColumnSet {
  readonly key: string;
  readonly columns: readonly string[] | null;
}

/** The most column sets one rule makes (each a prepared statement per database): the selections a client sends choose them. */
export const MAX_COLUMN_SETS = 32;

/** Every column: what a caller that does not know its selection (a mutation, a check) reads. */
export const ALL_COLUMNS: ColumnSet = Object.freeze({ key: '*', columns: null });

/**
 * How a GraphQL object type backed by one table's rows reads them, for `selectedColumns`: the columns
 * always read (the key, the column the unit scope checks), and what each field with a resolver of its own
 * reads. A field without a resolver of its own reads the column of its name.
 */
export interface ColumnRule<TKey extends string> {
  always: readonly TKey[];
  resolved: Readonly<Record<string, readonly TKey[]>>;
}

/**
 * The columns of `table` a field's selection needs (a Roster's `ledgerEntry { staffingCardNumber }`
 * needs the ID number, the unit and the card number, not all eleven columns of the ledger), read from
 * the field's selection against the executable schema, so it follows the resolvers as they are:
 * - a field the default resolver answers reads the column of its name;
 * - a field with a resolver of its own reads what `rule.resolved` says it does;
 * - anything else (a field with a resolver `rule.resolved` does not name, a field no column is named
 *   after, an abstract type) reads every column: a new resolver is never handed a row without the
 *   column it reads, only a wider row than it needs.
 * Known once per parsed document (by the field's AST nodes); fragments and inline fragments count,
 * `@skip`/`@include` are not evaluated (a skipped field's column is read anyway). `below` names the
 * fields from the resolver's field down to the one the rows answer (`['nodes', 'person']`: a page's
 * persons, joined into the page's statement); when that field is not selected, only `always` is read.
 * A caller's selections choose the sets, and each set is a prepared statement of its own: past
 * MAX_COLUMN_SETS sets of one rule, a selection not seen before reads every column.
 */
export function selectedColumns<TTable extends PgTable>(table: TTable, rule: ColumnRule<keyof TTable['_']['columns'] & string>, below: readonly string[] = []) {
  const order = Object.keys(getTableColumns(table));
  const columns = new Set(order);
  const sets = new Map<string, ColumnSet>();
  const known = new WeakMap<readonly FieldNode[], ColumnSet>();

  function setOf(needed: Set<string>): ColumnSet {
    const chosen = order.filter((c) => needed.has(c));
    if (chosen.length === order.length) return ALL_COLUMNS;
    const key = chosen.join(',');
    let set = sets.get(key);
    if (!set) {
      if (sets.size >= MAX_COLUMN_SETS) return ALL_COLUMNS;
      set = Object.freeze({ key, columns: Object.freeze(chosen) });
      sets.set(key, set);
    }
    return set;
  }

  /** The field nodes and type `below` names under the resolver's field (no nodes: not selected), or null when it cannot tell. */
  function descend(info: GraphQLResolveInfo): { nodes: readonly FieldNode[]; type: GraphQLObjectType } | null {
    let nodes: readonly FieldNode[] = info.fieldNodes;
    let type = getNamedType(info.returnType);
    for (const name of below) {
      if (!(type instanceof GraphQLObjectType)) return null;
      const field = type.getFields()[name];
      if (!field) return null;
      const found: FieldNode[] = [];
      const parent = type.name;
      const collect = (selection: FieldNode) => {
        if (selection.name.value === name) found.push(selection);
        return true;
      };
      if (!nodes.every((node) => eachField(node.selectionSet, parent, info, collect))) return null;
      nodes = found;
      type = getNamedType(field.type);
    }
    return type instanceof GraphQLObjectType ? { nodes, type } : null;
  }

  function work(info: GraphQLResolveInfo): ColumnSet {
    const target = descend(info);
    if (!target) return ALL_COLUMNS;
    const fields = target.type.getFields();
    const needed = new Set<string>(rule.always);
    const read = (selection: FieldNode): boolean => {
      const name = selection.name.value;
      if (name.startsWith('__')) return true;
      const field = fields[name];
      const reads = !field ? undefined : field.resolve ? rule.resolved[name] : columns.has(name) ? [name] : undefined;
      if (!reads) return false;
      for (const column of reads) needed.add(column);
      return true;
    };
    return target.nodes.every((node) => eachField(node.selectionSet, target.type.name, info, read)) ? setOf(needed) : ALL_COLUMNS;
  }

  return (info: GraphQLResolveInfo): ColumnSet => {
    let set = known.get(info.fieldNodes);
    if (!set) {
      set = work(info);
      known.set(info.fieldNodes, set);
    }
    return set;
  };
}

/**
 * Calls `visit` with each field a selection set selects on an object type (`typeName`), through inline
 * fragments and fragment spreads of that type (or of none); false as soon as `visit` is, or when a spread
 * names a fragment the document lacks.
 */
function eachField(selectionSet: SelectionSetNode | undefined, typeName: string, info: GraphQLResolveInfo, visit: (field: FieldNode) => boolean): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (!visit(selection)) return false;
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    if (!fragment) return false;
    const on = fragment.typeCondition?.name.value;
    if ((on === undefined || on === typeName) && !eachField(fragment.selectionSet, typeName, info, visit)) return false;
  }
  return true;
}

/** The columns of a set, by key, as drizzle's `select` takes them: `table`'s columns, or only the set's. */
export function columnsOf<TTable extends PgTable>(table: TTable, set: ColumnSet): TTable['_']['columns'] {
  const all = getTableColumns(table);
  if (!set.columns) return all;
  return Object.fromEntries(set.columns.map((column) => [column, all[column]])) as TTable['_']['columns'];
}

/**
 * One prepared statement per column set (preparedStatement's, each built and prepared once per database
 * handle), named after the set; `build` selects the set's columns (columnsOf).
 */
export function preparedPerColumnSet<TDb extends object, TValues, TRow>(
  name: string,
  build: (db: TDb, set: ColumnSet) => { prepare(name: string): Prepared<TValues, TRow> },
) {
  const statements = new Map<string, (db: TDb, values: TValues) => Promise<TRow[]>>();
  return (db: TDb, set: ColumnSet, values: TValues): Promise<TRow[]> => {
    let execute = statements.get(set.key);
    if (!execute) {
      execute = preparedStatement(set.columns ? `${name}:${set.key}` : name, (handle: TDb) => build(handle, set));
      statements.set(set.key, execute);
    }
    return execute(db, values);
  };
}

/**
 * preparedByKeys over one table, narrowed to a column set: one statement per set, built and prepared
 * once per database handle (`select <the set's columns> from <table> where <key> in (…$keys)`), its
 * rows mapped by compileRowMapper. A narrowed row has only the set's columns: typed as the full row, it
 * is read only by the resolvers whose columns `selectedColumns` chose.
 */
export function preparedByKeysOf<TTable extends PgTable>(name: string, table: TTable, keyColumn: PgColumn) {
  type Row = TTable['$inferSelect'];
  const execute = preparedPerColumnSet<Db<Record<string, unknown>>, { keys: string }, Row>(
    name,
    (db, set) =>
      db
        .select(columnsOf(table, set) as Record<string, PgColumn>)
        .from(table as PgTable)
        .where(anyOfKeys(keyColumn)) as unknown as { prepare(name: string): Prepared<{ keys: string }, Row> },
  );
  return (db: Db<Record<string, unknown>>, set: ColumnSet, keys: readonly string[]): Promise<Row[]> => execute(db, set, { keys: pgArray(keys) });
}

/**
 * A per-request loader of one row (or null) per key, batched per column set: the keys asked for in one
 * tick with the same set become one statement. `clear(key)` forgets the key under every set (after a
 * write that changed its row).
 */
export function columnLoader<TRow>(fetch: (set: ColumnSet, keys: readonly string[]) => Promise<TRow[]>, keyOf: (row: TRow) => string) {
  const loaders = new Map<string, DataLoader<string, TRow | null>>();
  const loaderFor = (set: ColumnSet) => {
    let loader = loaders.get(set.key);
    if (!loader) {
      loader = new DataLoader<string, TRow | null>(async (keys) => oneByKey(keys, await fetch(set, keys), keyOf));
      loaders.set(set.key, loader);
    }
    return loader;
  };
  return {
    load: (key: string, set: ColumnSet = ALL_COLUMNS) => loaderFor(set).load(key),
    clear(key: string) {
      for (const loader of loaders.values()) loader.clear(key);
      return this;
    },
  };
}
