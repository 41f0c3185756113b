import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fetchPaths } from './fetchPaths.ts';

describe('fetchPaths', () => {
  it("gives a root fetch's response keys (aliases as written, __typename left out)", () => {
    const document = parse('query Q__staffing__0 { __typename institution(creditCode: "x") { name } other: institutions { totalCount } }');
    expect(fetchPaths(document, {})).toEqual([['institution'], ['other']]);
  });

  it("gives each representation's fields of its own type in an entity fetch, through fragments", () => {
    const document = parse(`
      query Q__hr__1($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Institution { __typename workforce { totalCount } ...More }
          ... on Person { name }
        }
      }
      fragment More on Institution { byType: workforceByType { count } }
    `);
    const representations = [
      { __typename: 'Institution', creditCode: 'a' },
      { __typename: 'Person', idNumber: 'b' },
    ];
    expect(fetchPaths(document, { representations })).toEqual([
      ['_entities', 0, 'workforce'],
      ['_entities', 0, 'byType'],
      ['_entities', 1, 'name'],
    ]);
  });
});
