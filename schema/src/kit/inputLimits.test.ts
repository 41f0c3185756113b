import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../contracts/paths.ts';
import { SUBGRAPHS } from '../contracts/subgraphs.ts';
import { runOperation } from '../testing/runOperation.ts';
import { subgraphTypeDefs } from './inputLimits.ts';
import { buildSubgraphServer } from './subgraphServer.ts';
import { unboundedInputs } from './unboundedInputs.ts';

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar Date
  input NoteInput {
    text: String! @maxLength(chars: 5)
    tags: [String!] @maxItems(n: 2) @maxLength(chars: 3)
    inner: NoteInput
    on: Date
  }
  input FindInput {
    text: String! @maxLength(chars: 5)
  }
  type Note @key(fields: "id") {
    id: ID!
    echo(suffix: String @maxLength(chars: 4)): String
  }
  type Query {
    note(id: ID! @maxLength(chars: 8)): Note
    find(filter: FindInput!): Note
  }
  type Mutation {
    addNote(input: NoteInput!, codes: [ID!] @maxItems(n: 3) @maxLength(chars: 2)): Note
  }
`;

/** A toy subgraph that records every resolver call, to show a refused operation runs none. */
function toySubgraph() {
  const calls: string[] = [];
  const called = <T>(name: string, value: T) => {
    calls.push(name);
    return value;
  };
  const server = buildSubgraphServer(SDL, {
    Query: {
      note: (_: unknown, { id }: { id: string }) => called(`note ${id}`, { id }),
      find: (_: unknown, { filter }: { filter: { text: string } }) => called(`find ${filter.text}`, { id: filter.text }),
    },
    Mutation: { addNote: (_: unknown, args: { input: { text: string } }) => called(`addNote ${args.input.text}`, { id: 'n1' }) },
    Note: { echo: (note: { id: string }, { suffix }: { suffix: string | null }) => called('echo', `${note.id}${suffix ?? ''}`) },
  });
  return { calls, run: (query: string, variables?: Record<string, unknown>) => runOperation(server, {}, query, variables) };
}

const ADD = 'mutation Add($input: NoteInput!, $codes: [ID!]) { addNote(input: $input, codes: $codes) { id } }';

describe('input limits', () => {
  it('admit values at their limit, counting characters, not UTF-16 units', async () => {
    const { calls, run } = toySubgraph();
    // 𠀀 is one character and two UTF-16 units: five of them are at the limit of 5.
    const result = await run(ADD, { input: { text: '𠀀𠀀𠀀𠀀𠀀', tags: ['abc', 'de'], inner: { text: '12345' } }, codes: ['a1', 'b2', 'c3'] });
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual(['addNote 𠀀𠀀𠀀𠀀𠀀']);
  });

  it.each([
    ['a string in an input object', { input: { text: '123456' } }, 'input.text', 5, 'chars', 6],
    [
      'a nested input object',
      { input: { text: 'ok', inner: { text: 'ok', inner: { text: 'x'.repeat(100_000) } } } },
      'input.inner.inner.text',
      5,
      'chars',
      100_000,
    ],
    ['a list', { input: { text: 'ok', tags: ['a', 'b', 'c'] } }, 'input.tags', 2, 'items', 3],
    ['a list element', { input: { text: 'ok', tags: ['a', 'long'] } }, 'input.tags[1]', 3, 'chars', 4],
    ['an argument list', { input: { text: 'ok' }, codes: ['a', 'b', 'c', 'd'] }, 'codes', 3, 'items', 4],
    ['an argument list element', { input: { text: 'ok' }, codes: ['abc'] }, 'codes[0]', 2, 'chars', 3],
  ])('refuse %s in variables with INPUT_TOO_LONG before any resolver runs', async (_, variables, field, limit, unit, actual) => {
    const { calls, run } = toySubgraph();
    const result = await run(ADD, variables);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'INPUT_TOO_LONG', field, limit, unit, actual, operationField: 'addNote' });
    expect(result.errors![0]!.message).toContain(field);
    expect(calls).toEqual([]);
  });

  it('refuse a literal written in the document, and an argument of a nested field or of a fragment', async () => {
    const { calls, run } = toySubgraph();
    const literal = await run('{ note(id: "123456789") { id } }');
    expect(literal.errors![0]!.extensions).toMatchObject({ code: 'INPUT_TOO_LONG', field: 'id', limit: 8 });
    const nested = await run('query($s: String) { note(id: "n1") { ...F } } fragment F on Note { echo(suffix: $s) }', { s: '12345' });
    expect(nested.errors![0]!.extensions).toMatchObject({ code: 'INPUT_TOO_LONG', field: 'suffix', operationField: 'echo' });
    expect(calls).toEqual([]);
    const fine = await run('query($s: String) { note(id: "n1") { ...F } } fragment F on Note { echo(suffix: $s) }', { s: '1234' });
    expect(fine.data).toEqual({ note: { echo: 'n11234' } });
  });

  it('refuse a limited field inside an input object whose argument itself has no limit, and answer an operation without limited arguments', async () => {
    const { calls, run } = toySubgraph();
    const find = 'query($f: FindInput!) { find(filter: $f) { id } }';
    const refused = await run(find, { f: { text: '123456' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INPUT_TOO_LONG', field: 'filter.text', operationField: 'find' });
    expect(calls).toEqual([]);
    expect(await run(find, { f: { text: '12345' } })).toEqual({ data: { find: { id: '12345' } } });
    const entities = await run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { id } } }', {
      r: [{ __typename: 'Note', id: 'x'.repeat(100) }],
    });
    expect(entities).toEqual({ data: { _entities: [{ id: 'x'.repeat(100) }] } });
  });

  it('leave variables that do not coerce to graphql-js, which refuses them as before', async () => {
    const { calls, run } = toySubgraph();
    const result = await run(ADD, { input: { text: 42 } });
    expect(result.errors![0]!.extensions?.code).not.toBe('INPUT_TOO_LONG');
    expect(calls).toEqual([]);
  });
});

describe('every subgraph SDL', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s.sdl]))('%s declares a maximum on every text and list argument and input field', (_, path) => {
    expect(unboundedInputs(subgraphTypeDefs(readFileSync(REPO_ROOT + path, 'utf8')))).toEqual([]);
  });

  it('the guard finds a field without a limit (text, list, list of text; in arguments and input fields)', () => {
    const unbounded = unboundedInputs(
      subgraphTypeDefs(/* GraphQL */ `
        scalar Date
        enum Kind { A }
        input In { ok: String @maxLength(chars: 1), free: String, when: Date, kind: Kind, many: [Kind!] }
        type Query { a(x: ID, y: [String] @maxItems(n: 1), z: [[Int]] @maxItems(n: 1), i: In, n: Int): Int }
      `),
    );
    expect(unbounded).toEqual([
      'In.free: String lacks @maxLength',
      'In.many: Kind (list) lacks @maxItems',
      'Query.a(x:): ID lacks @maxLength',
      'Query.a(y:): String (list) lacks @maxLength',
    ]);
  });
});
