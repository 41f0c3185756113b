import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The gateway's answer is shaped by @apollo/gateway's computeResponse, which this hub patches (README,
 * "Choices": patches/@apollo__gateway@2.14.4.patch). Whatever the patch changes, the answer must stay
 * GraphQL's: fields in the operation's order under their aliases, a null where a subgraph answered
 * an invalid value, a null for a non-null field bubbling up to the nearest nullable parent with one
 * error at the field itself, @skip/@include, type conditions and __typename. Each expected answer
 * below is what the gateway answered before the patch's second round (which rewrote the shaping loop).
 */
const fromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const { buildSchema, operationFromDocument } = fromGateway('@apollo/federation-internals');
const { parse } = fromGateway('graphql');
const { computeResponse } = fromGateway('./resultShaping.js');

const schema = buildSchema(`
  type Query { a: A!, list: [B!], nn: [B!]!, opt: B, n: Int, u: U, m: [[Int!]] }
  type A { x: Int!, y: String, b: B }
  type B { id: ID!, v: Int }
  union U = A | B
`);
const shape = (query: string, input: Record<string, unknown>) =>
  JSON.parse(
    JSON.stringify(
      computeResponse({ operation: operationFromDocument(schema, parse(query), { validate: true }), variables: {}, input, introspectionHandling: () => null }),
    ),
  );
const invalid = (message: string, path: (string | number)[]) => ({ message, path, extensions: { code: 'INVALID_GRAPHQL' } });

describe("the gateway's result shaping (patched @apollo/gateway)", () => {
  it('answers fields in the order asked, under their aliases, with __typename and type conditions', () => {
    expect(
      shape('{ second: opt { v } first: opt { id } k: __typename u { __typename ... on B { id } } }', {
        first: { id: '1' },
        second: { v: 5 },
        u: { __typename: 'B', id: '7' },
      }),
    ).toEqual({
      data: { second: { v: 5 }, first: { id: '1' }, k: 'Query', u: { __typename: 'B', id: '7' } },
      errors: [],
    });
    expect(shape('{ u { ... on A { x b { id v } } ... on B { v } } }', { u: { __typename: 'A', x: 1, b: { id: '3', v: null } } })).toEqual({
      data: { u: { x: 1, b: { id: '3', v: null } } },
      errors: [],
    });
  });

  it('leaves out what @skip and @include leave out', () => {
    expect(shape('{ opt { id @skip(if: true) v } list @include(if: false) { id } }', { opt: { id: '1', v: 2 }, list: [{ id: '1' }] })).toEqual({
      data: { opt: { v: 2 } },
      errors: [],
    });
  });

  it('answers null for an invalid value, and null for a non-null field at its nearest nullable parent, one error each', () => {
    expect(
      shape('{ opt { v id } n list { id v } }', {
        opt: { id: '1', v: 2 },
        n: 'abc',
        list: [
          { id: '1', v: 1 },
          { id: null, v: 2 },
        ],
      }),
    ).toEqual({
      data: { opt: { v: 2, id: '1' }, n: null, list: null },
      errors: [invalid('Invalid value found for field Query.n.', ['n']), invalid('Cannot return null for non-nullable field B.id.', ['list', 1, 'id'])],
    });
    expect(shape('{ a { x b { id } } }', { a: { x: 1, b: { id: null } } })).toEqual({
      data: { a: { x: 1, b: null } },
      errors: [invalid('Cannot return null for non-nullable field B.id.', ['a', 'b', 'id'])],
    });
    expect(shape('{ m }', { m: [[1, 2], [3, null], null] })).toEqual({
      data: { m: [[1, 2], null, null] },
      errors: [invalid('Cannot return null for non-nullable array element of type Int at index 1.', ['m', 1, 1])],
    });
    expect(shape('{ list { id } }', { list: [] })).toEqual({ data: { list: [] }, errors: [] });
  });

  it('bubbles a null up to the whole answer when nothing on the way is nullable', () => {
    expect(shape('{ a { x y } n }', { a: { x: null, y: 's' }, n: 3 })).toEqual({
      data: null,
      errors: [invalid('Cannot return null for non-nullable field A.x.', ['a', 'x'])],
    });
    expect(shape('{ nn { id } opt { id } }', { nn: [{ id: '1' }, { id: null }], opt: { id: '2' } })).toEqual({
      data: null,
      errors: [invalid('Cannot return null for non-nullable field B.id.', ['nn', 1, 'id'])],
    });
  });

  it('answers null, with an error, for an object whose __typename the schema does not have', () => {
    expect(shape('{ u { ... on A { x } } }', { u: { __typename: 'Nope', x: 1 } })).toEqual({
      data: { u: null },
      errors: [invalid('Invalid __typename found for object at field Query.u.', ['u'])],
    });
  });
});
