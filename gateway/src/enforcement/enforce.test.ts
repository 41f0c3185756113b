import { buildSchema, execute, Kind, parse, print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyDenials } from './applyDenials.ts';
import { filterOperation } from './filterOperation.ts';
import { inlineFragments } from './inlineFragments.ts';
import type { Decide } from './types.ts';

const schema = buildSchema(`
  type Query { person(id: ID!): Person  people: [Person!]!  institution: Institution  search: [Result!]!  nodes: [Node!]! }
  interface Node { id: ID!  note: String }
  union Result = Person | Institution
  type Person implements Node { id: ID!  note: String  name: String!  pay: Pay  secret: String  rank: String! }
  type Unit implements Node { id: ID!  note: String }
  type Pay { amount: Float  month: String }
  type Institution { name: String  roster: Roster! }
  type Roster { nodes: [Person!]! }
`);

const DENIED = new Set(['Pay.amount', 'Person.secret', 'Person.rank', 'Query.institution', 'Unit.note']);
const decide: Decide = (c) =>
  DENIED.has(c) ? { allowed: false, reason: 'TEST', messageZh: '无权读取', messageEn: 'not allowed' } : { allowed: true, reason: 'TEST' };

function run(query: string, rootValue: Record<string, unknown>) {
  const operation = inlineFragments(parse(query), null)!;
  const filtered = filterOperation(schema, operation, decide);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [filtered.operation] };
  const executed = execute({ schema, document, rootValue }) as { data: Record<string, unknown> };
  return { filtered, query: print(document), ...applyDenials(executed.data, filtered.denials) };
}

const alice = { id: '1', name: 'Alice', pay: { amount: 100, month: '2026-10' }, secret: 's', rank: 'r' };

describe('field-level enforcement', () => {
  it('removes denied fields through fragments and aliases, nulls them and reports FORBIDDEN at their paths', () => {
    const r = run(`query { p: person(id: "1") { ...F  money: pay { amount month } } }  fragment F on Person { id secret }`, { person: alice });
    expect(r.query).not.toMatch(/secret|amount/);
    expect(r.data).toEqual({ p: { id: '1', secret: null, money: { amount: null, month: '2026-10' } } });
    expect(r.errors.map((e) => [e.path, e.extensions.code, e.extensions.coordinate])).toEqual([
      [['p', 'secret'], 'FORBIDDEN', 'Person.secret'],
      [['p', 'money', 'amount'], 'FORBIDDEN', 'Pay.amount'],
    ]);
    expect([...r.filtered.allowed].sort()).toEqual(['Pay.month', 'Person.id', 'Person.pay', 'Query.person']);
  });

  it('bubbles a denied non-null field up to the nearest nullable position, in every list item', () => {
    const r = run(`{ people { name rank } person(id: "1") { name rank } }`, { people: [alice, alice], person: alice });
    // people: [Person!]! cannot hold null, so the null reaches the root; data becomes null.
    expect(r.data).toBeNull();
    expect(r.errors.map((e) => e.path)).toEqual([
      ['people', '@', 'rank'],
      ['person', 'rank'],
    ]);
  });

  it('keeps the selection valid when every field of it is denied, and drops the placeholder', () => {
    const r = run(`{ person(id: "1") { secret } }`, { person: alice });
    expect(r.query).toContain('__hubPlaceholder: __typename');
    expect(r.data).toEqual({ person: { secret: null } });
  });

  it('checks a field inside a type condition only on objects of that type, through a union', () => {
    const r = run(`{ search { ... on Person { id secret } ... on Institution { name } } }`, {
      search: [
        { __typename: 'Person', ...alice },
        { __typename: 'Institution', name: '某局' },
      ],
    });
    expect(r.query).toContain('__hubTypename: __typename');
    expect(r.data).toEqual({ search: [{ id: '1', secret: null }, { name: '某局' }] });
    expect(r.errors.map((e) => e.path)).toEqual([['search', '@', 'secret']]);
  });

  it('denies an interface field when any implementation of it is denied', () => {
    const r = run(`{ nodes { id note } }`, {
      nodes: [
        { __typename: 'Person', id: '1', note: 'a' },
        { __typename: 'Unit', id: '2', note: 'b' },
      ],
    });
    expect(r.data).toEqual({
      nodes: [
        { id: '1', note: null },
        { id: '2', note: null },
      ],
    });
    expect(r.errors.map((e) => [e.path, e.extensions.coordinate])).toEqual([[['nodes', '@', 'note'], 'Node.note']]);
  });

  it('denies a root field without running it', () => {
    let called = false;
    const r = run(`{ institution { name } person(id: "1") { name } }`, {
      get institution() {
        called = true;
        return { name: 'x' };
      },
      person: alice,
    });
    expect(called).toBe(false);
    expect(r.data).toEqual({ institution: null, person: { name: 'Alice' } });
    expect(r.errors[0]!.path).toEqual(['institution']);
  });
});
