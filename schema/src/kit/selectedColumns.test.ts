import { date, pgTable, text } from 'drizzle-orm/pg-core';
import { buildSchema, type GraphQLObjectType, type GraphQLResolveInfo, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, type ColumnSet, columnLoader, MAX_COLUMN_SETS, selectedColumns } from './selectedColumns.ts';

const entries = pgTable('entries', {
  idNumber: text('id_number').primaryKey(),
  unit: text('unit').notNull(),
  name: text('name').notNull(),
  post: text('post').notNull(),
  since: date('since', { mode: 'string' }).notNull(),
  cardNumber: text('card_number'),
});

const sdl = `
  type Query { person: Person }
  type Person { idNumber: ID! entry: Entry }
  type Entry { name: String! post: String! since: String! cardNumber: String gender: String! institution: Unit! note: String! person: Person! }
  type Unit { code: ID! }
`;

const columnsOfEntry = selectedColumns(entries, {
  always: ['idNumber', 'unit'],
  resolved: { gender: ['idNumber'], institution: ['unit'] },
});

/** Runs `query` and returns the column sets Person.entry chose, one per execution. */
async function chosen(query: string): Promise<ColumnSet[]> {
  const schema = buildSchema(sdl);
  const seen: ColumnSet[] = [];
  const row = { idNumber: '11010519491231002X', unit: 'U1', name: '张三', post: '科员', since: '2020-01-01', cardNumber: 'C1' };
  (schema.getType('Query') as GraphQLObjectType).getFields().person!.resolve = () => ({ idNumber: row.idNumber });
  const entry = schema.getType('Entry') as GraphQLObjectType;
  entry.getFields().gender!.resolve = () => 'FEMALE';
  entry.getFields().institution!.resolve = (r: typeof row) => ({ code: r.unit });
  // A resolver the rule does not name: whatever it reads must be there.
  entry.getFields().note!.resolve = (r: typeof row) => `${r.name}/${r.post}`;
  entry.getFields().person!.resolve = (r: typeof row) => ({ idNumber: r.idNumber });
  (schema.getType('Person') as GraphQLObjectType).getFields().entry!.resolve = (_p, _a, _c, info: GraphQLResolveInfo) => {
    seen.push(columnsOfEntry(info));
    return row;
  };
  const result = await graphql({ schema, source: query });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe('selectedColumns', () => {
  it('reads the key, the scope column and the columns of the fields the default resolver answers', async () => {
    const [set] = await chosen('{ person { entry { cardNumber } } }');
    expect(set!.columns).toEqual(['idNumber', 'unit', 'cardNumber']);
    const [named] = await chosen('{ person { entry { __typename since name } } }');
    // In the table's order, whatever the selection's.
    expect(named!.columns).toEqual(['idNumber', 'unit', 'name', 'since']);
  });

  it('reads what a field with its own resolver is declared to read', async () => {
    const [set] = await chosen('{ person { entry { gender institution { code } } } }');
    expect(set!.columns).toEqual(['idNumber', 'unit']);
  });

  it('follows fragments and inline fragments of the type, not of another', async () => {
    const [set] = await chosen(`
      query { person { entry { ...Card ... on Entry { post } ... @include(if: true) { since } } } }
      fragment Card on Entry { cardNumber }`);
    expect(set!.columns).toEqual(['idNumber', 'unit', 'post', 'since', 'cardNumber']);
  });

  it('reads every column for a resolver it was not told about, or when every column is needed', async () => {
    const [undeclared] = await chosen('{ person { entry { cardNumber note } } }');
    expect(undeclared).toBe(ALL_COLUMNS);
    const [person] = await chosen('{ person { entry { person { idNumber } } } }');
    expect(person).toBe(ALL_COLUMNS);
    const [every] = await chosen('{ person { entry { name post since cardNumber } } }');
    expect(every).toBe(ALL_COLUMNS);
  });

  it('reads every column for a selection past the most sets one rule makes', async () => {
    const rule = selectedColumns(entries, { always: [], resolved: {} });
    const names = ['idNumber', 'unit', 'name', 'post', 'since', 'cardNumber'];
    const schema = buildSchema(`type Query { entry: Entry } type Entry { ${names.map((n) => `${n}: String`).join(' ')} }`);
    const seen: ColumnSet[] = [];
    (schema.getType('Query') as GraphQLObjectType).getFields().entry!.resolve = (_p, _a, _c, info: GraphQLResolveInfo) => {
      seen.push(rule(info));
      return {};
    };
    const select = (mask: number) => graphql({ schema, source: `{ entry { ${names.filter((_, i) => mask & (1 << i)).join(' ')} } }` });
    // MAX_COLUMN_SETS selections of different columns: a set of their own each.
    for (let mask = 1; mask <= MAX_COLUMN_SETS; mask++) await select(mask);
    expect(new Set(seen.map((s) => s.key)).size).toBe(MAX_COLUMN_SETS);
    expect(seen.every((s) => s.columns !== null)).toBe(true);
    // One more: every column. One seen before: its own set still.
    await select(MAX_COLUMN_SETS + 1);
    expect(seen.at(-1)).toBe(ALL_COLUMNS);
    await select(3);
    expect(seen.at(-1)!.columns).toEqual(['idNumber', 'unit']);
  });

  it('gives the same set for the same columns, so a loader batches them together', async () => {
    const [a] = await chosen('{ person { entry { cardNumber } } }');
    const [b] = await chosen('{ person { entry { cardNumber __typename } } }');
    expect(a).toBe(b);
  });
});

describe('selectedColumns below the resolver’s field', () => {
  const pageSdl = `
    type Query { page: Page }
    type Page { total: Int! nodes: [Item!]! }
    type Item { kind: String! entry: Entry! }
    type Entry { name: String! post: String! cardNumber: String }
  `;
  const columnsOfPage = selectedColumns(entries, { always: ['idNumber'], resolved: {} }, ['nodes', 'entry']);
  async function chosenForPage(query: string) {
    const schema = buildSchema(pageSdl);
    let seen: ColumnSet | undefined;
    (schema.getType('Query') as GraphQLObjectType).getFields().page!.resolve = (_p, _a, _c, info: GraphQLResolveInfo) => {
      seen = columnsOfPage(info);
      return { total: 1, nodes: [{ kind: 'A', entry: { name: '张三', post: '科员', cardNumber: null } }] };
    };
    const result = await graphql({ schema, source: query });
    expect(result.errors).toBeUndefined();
    return seen;
  }

  it('reads the columns of the rows the path names, through fragments', async () => {
    expect((await chosenForPage('{ page { total nodes { kind entry { name } } } }'))!.columns).toEqual(['idNumber', 'name']);
    expect(
      (await chosenForPage('query { page { ...P nodes { entry { post } } } } fragment P on Page { nodes { ... on Item { entry { cardNumber } } } }'))!.columns,
    ).toEqual(['idNumber', 'post', 'cardNumber']);
  });

  it('reads only what it always reads when the path is not selected', async () => {
    expect((await chosenForPage('{ page { total nodes { kind } } }'))!.columns).toEqual(['idNumber']);
  });
});

describe('columnLoader', () => {
  it('sends one batch per column set and forgets a cleared key under every set', async () => {
    const batches: [string, string[]][] = [];
    const loader = columnLoader(
      async (set, keys) => {
        batches.push([set.key, [...keys]]);
        return keys.map((k) => ({ id: k, set: set.key }));
      },
      (row) => row.id,
    );
    const narrow: ColumnSet = { key: 'id', columns: ['id'] };
    const rows = await Promise.all([loader.load('a', narrow), loader.load('b', narrow), loader.load('a'), loader.load('a', narrow)]);
    expect(rows.map((r) => r?.set)).toEqual(['id', 'id', '*', 'id']);
    expect(batches).toEqual([
      ['id', ['a', 'b']],
      ['*', ['a']],
    ]);
    await Promise.all([loader.load('a', narrow), loader.load('a')]);
    expect(batches).toHaveLength(2);
    loader.clear('a');
    await Promise.all([loader.load('a', narrow), loader.load('a')]);
    expect(batches.slice(2)).toEqual([
      ['id', ['a']],
      ['*', ['a']],
    ]);
  });
});
