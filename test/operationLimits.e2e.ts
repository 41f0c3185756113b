import { DEFAULT_OPERATION_LIMITS } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionAcrossOffices, README_ROSTER, requestCounts, startTestHub, type TestHub } from './src/index.ts';

/**
 * Operation limits hold on the parsed document, before fragments are expanded and before any
 * planning: each refusal is a 400 with its code and calls no subgraph; one step under each limit
 * (the defaults, as `pnpm start` runs) is answered.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const L = DEFAULT_OPERATION_LIMITS;
const times = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join(' ');
/** Inside one institution, so only the limit under test is approached (one root field, no alias). */
const inInstitution = (selections: string, fragments = '') => `{ institution(creditCode: "12410102MB34752R5T") { ${selections} } } ${fragments}`;

/** Sends `query`, and asserts that no subgraph received anything meanwhile. */
async function refused(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const recording = hub.record();
  const answer = await hub.query(query, variables, headers);
  const received = requestCounts(recording.stop());
  expect(
    Object.values(received).every((n) => n === 0),
    JSON.stringify(received),
  ).toBe(true);
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  for (const error of answer.errors!) {
    expect(error.extensions?.messageZh).toBeTruthy();
    expect(error.extensions?.messageEn).toBeTruthy();
  }
  return answer.errors!.map((error) => error.extensions?.code);
}

async function allowed(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const answer = await hub.query(query, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
}

/** `{ ...F<n> }` where F0 is `__typename` and each Fi spreads F(i-1) twice: 2^n fields once expanded, from a 1 KB document. */
const fragmentBomb = (n: number) => `{ ...F${n} } fragment F0 on Query { __typename } ${times(n, (i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)}`;

describe('operation limits', () => {
  it('refuses the fragment bomb without expanding it, calls no subgraph, and the hub keeps answering', async () => {
    const bomb = fragmentBomb(24);
    expect(bomb.length).toBeLessThan(1500);
    // Its depth and root fields are over their limits too; the expansion's bound is what keeps the hub alive.
    expect(await refused(bomb)).toContain('OPERATION_TOO_LARGE');
    const health = await fetch(hub.url.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
    // A small one of the same shape is an ordinary operation.
    await allowed(fragmentBomb(3));
  });

  it('refuses a bomb that only the expansion bound catches (under the depth, root field and spread limits)', async () => {
    // Inside one institution, each Ei spreads E(i-1) 24 times: 24^4 ≈ 330,000 fields once expanded, 96 spreads, within the depth limit.
    const fragments = `fragment E0 on Institution { name } ${times(4, (i) => `fragment E${i + 1} on Institution { ${times(24, () => `...E${i}`)} }`)}`;
    expect(await refused(inInstitution('...E4', fragments))).toEqual(['OPERATION_TOO_LARGE']);
    expect((await fetch(hub.url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });

  it(`refuses more than ${L.expandedFields} fields once fragments are expanded`, async () => {
    // 1 (institution) + 99 spreads × 20 + extra = the size; 99 spreads stay under the spread limit.
    const fragment = `fragment F on Institution { ${times(20, () => 'name')} }`;
    const sized = (extra: number) => inInstitution(`${times(99, () => '...F')} ${times(extra, () => 'name')}`, fragment);
    await allowed(sized(L.expandedFields - 1 - 99 * 20));
    expect(await refused(sized(L.expandedFields - 99 * 20))).toEqual(['OPERATION_TOO_LARGE']);
  });

  it(`refuses operations deeper than ${L.depth}`, async () => {
    const nested = (depth: number) => `{ ${'... on Query { '.repeat(depth - 1)} __typename ${'} '.repeat(depth - 1)}}`;
    await allowed(nested(L.depth));
    expect(await refused(nested(L.depth + 1))).toEqual(['OPERATION_TOO_DEEP']);
  });

  it(`refuses more than ${L.aliases} aliases`, async () => {
    const aliased = (n: number) => inInstitution(times(n, (i) => `a${i}: name`));
    await allowed(aliased(L.aliases));
    expect(await refused(aliased(L.aliases + 1))).toEqual(['TOO_MANY_ALIASES']);
  });

  it(`refuses more than ${L.rootFields} root fields, through fragments too`, async () => {
    const roots = (n: number) => `{ ...R ${times(n - 1, (i) => `r${i}: __typename`)} } fragment R on Query { __typename }`;
    await allowed(roots(L.rootFields));
    expect(await refused(roots(L.rootFields + 1))).toEqual(['TOO_MANY_ROOT_FIELDS']);
  });

  it(`refuses more than ${L.directives} directives`, async () => {
    const directed = (n: number) => inInstitution(times(n, () => 'name @include(if: true)'));
    await allowed(directed(L.directives));
    expect(await refused(directed(L.directives + 1))).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it(`refuses documents of more than ${L.tokens} tokens, with a 400 (not armor's 500)`, async () => {
    // `{ myAccess ( coordinates : [` … `] ) { __typename } }` is 12 tokens around the list's strings (commas are not tokens).
    // (Not thousands of fields: graphql-js's own overlap check gives up on those before any limit is reached.)
    const long = (tokens: number) => `{ myAccess(coordinates: [${times(tokens - 12, () => '"Institution.name"').replaceAll(' ', ', ')}]) { __typename } }`;
    await allowed(long(L.tokens));
    expect(await refused(long(L.tokens + 1))).toEqual(['TOO_MANY_TOKENS']);
  });

  it(`refuses more than ${L.fragmentSpreads} fragment spreads`, async () => {
    const spread = (n: number) =>
      inInstitution(
        times(n, () => '...N'),
        'fragment N on Institution { name }',
      );
    await allowed(spread(L.fragmentSpreads));
    expect(await refused(spread(L.fragmentSpreads + 1))).toEqual(['TOO_MANY_FRAGMENT_SPREADS']);
  });

  it(`refuses an estimated cost above ${L.cost}, with list sizes from literals, variables and defaults`, async () => {
    // A page of institutions is 1 (the connection) + first (its nodes); a list without \`first\` (quotas) counts ${L.assumedListSize}.
    const pages = (sizes: number[]) => `{ ${sizes.map((n, i) => `p${i}: institutions(first: ${n}) { nodes { name } }`).join(' ')} }`;
    const nineFull = Array.from({ length: 9 }, () => 1000);
    // 9 × 1001 + 991 = 10,000: at the limit; one more institution is over it.
    await allowed(pages([...nineFull, 990]));
    expect(await refused(pages([...nineFull, 991]))).toEqual(['OPERATION_TOO_COSTLY']);
    // Sent again (its cost, sized by no variable, is kept per document): the same answers.
    await allowed(pages([...nineFull, 990]));
    expect(await refused(pages([...nineFull, 991]))).toEqual(['OPERATION_TOO_COSTLY']);
    // Nested pages multiply: 1000 institutions × their first 1000 workers.
    const nested = 'query Nested($n: Int, $m: Int) { institutions(first: $n) { nodes { name workforce(first: $m) { nodes { person { name } } } } } }';
    const organization = await hub.as({ office: 'organization', role: 'OPERATOR' });
    expect(await refused(nested, { n: 1000, m: 1000 }, organization)).toEqual(['OPERATION_TOO_COSTLY']);
    await allowed(nested, { n: 2, m: 3 }, organization);
    // Unset, they are the schema's defaults (20 institutions × 50 workers × 3 objects, about 3,000): answered.
    await allowed(nested, {}, organization);
    // Through a fragment spread at two page sizes, each counted at its own.
    const viaFragment = `{ a: institutions(first: 1000) { ...Q } b: institutions(first: 1) { ...Q } } fragment Q on InstitutionConnection { nodes { quotas { category } } }`;
    expect(await refused(viaFragment)).toEqual(['OPERATION_TOO_COSTLY']);
  });

  it(`refuses a plan of more than ${L.subgraphFetches} subgraph fetches, before any is made`, async () => {
    // Each aliased institution is one staffing fetch and one entity fetch to each other office.
    const across = (n: number) => institutionAcrossOffices(n, '12410102MB34752R5T');
    const organization = await hub.as({ office: 'organization', role: 'OPERATOR' });
    await allowed(across(10), undefined, organization);
    expect(await refused(across(20), undefined, organization)).toEqual(['TOO_MANY_SUBGRAPH_FETCHES']);
  });

  it("answers the README's Roster query under the default limits", async () => {
    const answer = await hub.query(README_ROSTER, { code: '12410102MB34752R5T' });
    expect(answer.status).toBe(200);
    expect(answer.errors?.map((e) => e.extensions?.code) ?? []).not.toContainEqual(expect.stringMatching(/TOO|LARGE/));
  });
});
