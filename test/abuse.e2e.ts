import { DEFAULT_OPERATION_LIMITS } from '@hub/gateway';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionAcrossOffices, requestCounts, startTestHub, type TestHub } from './src/index.ts';

/**
 * The abuse suite: hundreds of hostile operations generated from the hub's own schema, one class of
 * abuse per generator (the limits, the fragment bomb, malformed documents and bodies, refused tokens).
 * Each must get a 4xx with a coded error, call no subgraph, and leave /health answering. The slowest
 * refusal is printed (the issue's closing note reports it); a timing is not a test.
 */
const L = DEFAULT_OPERATION_LIMITS;
let hub: TestHub;
let schema: GraphQLSchema;
let organization: Record<string, string>;

beforeAll(async () => {
  hub = await startTestHub();
  const introspection = await hub.query<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(introspection.data!);
  organization = await hub.as({ office: 'organization', role: 'OPERATOR' });
});
afterAll(async () => {
  await hub?.stop();
});

const times = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join(' ');

/** A literal that validates for an input type (the abuse must reach the limit, not an argument error). */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float')) return '1';
  if (isScalarType(type) && type.name === 'Boolean') return 'true';
  if (isScalarType(type) && type.name === 'LocalDate') return '"2026-01-01"';
  if (isScalarType(type) && type.name === 'DateTime') return '"2026-01-01T00:00:00Z"';
  return '"12410102MB34752R5T"';
}

const requiredArgs = (args: readonly GraphQLArgument[]) => {
  const given = requiredArgList(args);
  return given ? `(${given})` : '';
};

/** `name: literal` for each required argument, comma-separated ('' when none). */
const requiredArgList = (args: readonly GraphQLArgument[]) =>
  args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${literal(a.type)}`)
    .join(', ');

interface RootField {
  keyword: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The object the field returns (every hub root field returns one). */
  type: GraphQLObjectType;
  call: string;
}

const rootFields = (): RootField[] =>
  (['query', 'mutation'] as const).flatMap((keyword) => {
    const root = keyword === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {})
      .filter((field) => !field.name.startsWith('_') && isObjectType(getNamedType(field.type)))
      .map((field) => ({ keyword, field, type: getNamedType(field.type) as GraphQLObjectType, call: `${field.name}${requiredArgs(field.args)}` }));
  });

interface Abuse {
  name: string;
  /** Codes of which at least one must be in the answer. */
  codes: string[];
  status?: number;
  send(): Promise<Response>;
}

const post =
  (body: unknown, headers: Record<string, string> = {}, raw = false) =>
  () =>
    fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw ? (body as string) : JSON.stringify(body) });
const operation = (
  query: string,
  name: string,
  codes: string[],
  extra: { variables?: object; operationName?: string; headers?: Record<string, string> } = {},
): Abuse => ({
  name,
  codes,
  send: post({ query, variables: extra.variables, operationName: extra.operationName }, extra.headers),
});

/** `{ ...F<n> }` where each Fi spreads F(i-1) twice: 2^n fields once expanded, on `type`. */
const bombFragments = (n: number, type: string) =>
  `fragment F0 on ${type} { __typename } ${times(n, (i) => `fragment F${i + 1} on ${type} { ...F${i} ...F${i} }`)}`;

/** The abuse classes, each generated over every root field of the schema (queries and mutations). */
function abuses(): Abuse[] {
  const list: Abuse[] = [];
  for (const { keyword, field, type, call } of rootFields()) {
    const wrap = (selection: string, fragments = '') => `${keyword} { ${selection} } ${fragments}`;
    const at = `${keyword} ${field.name}`;
    list.push(
      operation(wrap(times(L.aliases + 1, (i) => `a${i}: ${call} { __typename }`)), `${at}: alias flood`, ['TOO_MANY_ALIASES']),
      operation(wrap(`${call} { ${`... on ${type.name} { `.repeat(L.depth + 1)} __typename ${'} '.repeat(L.depth + 1)} }`), `${at}: too deep`, [
        'OPERATION_TOO_DEEP',
      ]),
      operation(wrap(`${call} { ${times(L.directives + 1, () => '__typename @include(if: true)')} }`), `${at}: directive flood`, ['TOO_MANY_DIRECTIVES']),
      operation(wrap(`${call} { ...F20 }`, bombFragments(20, type.name)), `${at}: fragment bomb on ${type.name}`, ['OPERATION_TOO_LARGE']),
      operation(wrap(`${call} { ${times(L.fragmentSpreads + 1, () => '...N')} }`, `fragment N on ${type.name} { __typename }`), `${at}: spread flood`, [
        'TOO_MANY_FRAGMENT_SPREADS',
      ]),
      operation(wrap(`${call} { ${times(L.tokens, () => '__typename')} }`), `${at}: token flood`, ['TOO_MANY_TOKENS']),
      operation(wrap(`${call} { ${field.name}MisspeltField }`), `${at}: unknown field`, ['GRAPHQL_VALIDATION_FAILED']),
      operation(
        wrap(`${field.name}(${field.args.map((a) => `${a.name}: ${literal(a.type)}, `).join('')}notAnArgument: 1) { __typename }`),
        `${at}: unknown argument`,
        ['GRAPHQL_VALIDATION_FAILED'],
      ),
    );
  }
  // Root fields of queries through a fragment, per query field.
  for (const { field, call } of rootFields().filter((r) => r.keyword === 'query')) {
    list.push(
      operation(`{ ...R } fragment R on Query { ${times(L.rootFields + 1, (i) => `r${i}: ${call} { __typename }`)} }`, `query ${field.name}: root fields`, [
        'TOO_MANY_ROOT_FIELDS',
        'TOO_MANY_ALIASES',
      ]),
    );
  }
  // Every paginated field reachable from a page of institutions, asked at the largest page under the largest page.
  const institution = schema.getType('Institution') as GraphQLObjectType;
  for (const sliced of Object.values(institution.getFields()).filter((f) => f.args.some((a) => a.name === 'first'))) {
    const page = getNullableType(sliced.type) as GraphQLObjectType;
    list.push(
      operation(
        `{ institutions(first: 1000) { nodes { ${sliced.name}(first: 1000) { ${'nodes' in page.getFields() ? 'nodes { __typename }' : '__typename'} } } } }`,
        `cost: Institution.${sliced.name} under a page of institutions`,
        ['OPERATION_TOO_COSTLY'],
        { headers: organization },
      ),
    );
  }
  // Every root page of the Query type, eleven times at its largest.
  for (const { field } of rootFields().filter((r) => r.keyword === 'query' && r.field.args.some((a) => a.name === 'first'))) {
    const page = getNamedType(field.type) as GraphQLObjectType;
    const body = 'nodes' in page.getFields() ? 'nodes { __typename }' : '__typename';
    // A page with a required argument (unreportedRemovalUnits' month) gets it, so the cost is what is refused.
    const also = requiredArgList(field.args) ? `${requiredArgList(field.args)}, ` : '';
    list.push(
      operation(`{ ${times(11, (i) => `p${i}: ${field.name}(${also}first: 1000) { ${body} }`)} }`, `cost: ${field.name} pages`, ['OPERATION_TOO_COSTLY'], {
        headers: organization,
      }),
      operation(
        `query Q($n: Int) { ${times(11, (i) => `p${i}: ${field.name}(${also}first: $n) { ${body} }`)} }`,
        `cost: ${field.name} pages by variable`,
        ['OPERATION_TOO_COSTLY'],
        {
          headers: organization,
          variables: { n: 1000 },
        },
      ),
    );
  }
  // The query plan: many aliased institutions read from every office.
  list.push(
    operation(institutionAcrossOffices(20, '12410102MB34752R5T'), 'plan: too many subgraph fetches', ['TOO_MANY_SUBGRAPH_FETCHES'], { headers: organization }),
  );
  // The fragment bomb of the issue, at growing sizes.
  for (let n = 16; n <= 30; n += 1) list.push(operation(`{ ...F${n} } ${bombFragments(n, 'Query')}`, `the fragment bomb, 2^${n}`, ['OPERATION_TOO_LARGE']));
  // Malformed documents and bodies.
  const malformed: [string, Abuse['send'], string[], number?][] = [
    ['syntax error', post({ query: '{ institution(creditCode: "x" { name } }' }), ['GRAPHQL_PARSE_FAILED']],
    ['unterminated string', post({ query: '{ institution(creditCode: "x) { name } }' }), ['GRAPHQL_PARSE_FAILED']],
    ['empty document', post({ query: '' }), ['BAD_REQUEST']],
    ['no query', post({ variables: {} }), ['BAD_REQUEST']],
    ['query not a string', post({ query: { institution: 1 } }), ['BAD_REQUEST']],
    ['variables not an object', post({ query: '{ __typename }', variables: 'x' }), ['BAD_REQUEST']],
    ['not JSON', post('{"query": "{ __typename }"', {}, true), ['BAD_REQUEST']],
    ['body over 1 MiB', post({ query: `{ __typename }`, variables: { x: 'x'.repeat(1 << 20) } }), ['PAYLOAD_TOO_LARGE'], 413],
    ['only fragments', post({ query: 'fragment F on Query { __typename }' }), ['GRAPHQL_VALIDATION_FAILED']],
    ['unused fragment', post({ query: '{ __typename } fragment F on Query { __typename }' }), ['GRAPHQL_VALIDATION_FAILED']],
    ['fragment cycle', post({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }), ['GRAPHQL_VALIDATION_FAILED']],
    ['undefined variable', post({ query: '{ institution(creditCode: $x) { name } }' }), ['GRAPHQL_VALIDATION_FAILED']],
    [
      'variable of the wrong type',
      post({ query: 'query Q($x: ID!) { institution(creditCode: $x) { name } }', variables: { x: { a: 1 } } }),
      ['BAD_USER_INPUT'],
    ],
    ['missing required variable', post({ query: 'query Q($x: ID!) { institution(creditCode: $x) { name } }' }), ['BAD_USER_INPUT']],
    ['subscription', post({ query: 'subscription { __typename }' }), ['GRAPHQL_VALIDATION_FAILED']],
  ];
  for (const [name, send, codes, status] of malformed) list.push({ name: `malformed: ${name}`, send, codes, ...(status ? { status } : {}) });
  // Tokens the gateway refuses.
  const tokens: [string, string][] = [
    ['not a bearer token', 'Basic dXNlcjpwYXNz'],
    ['garbage token', 'Bearer not.a.token'],
    [
      'unsigned token',
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"office":"finance","role":"AUDITOR","sub":"x"}').toString('base64url')}.`,
    ],
    ['forged signature', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJvZmZpY2UiOiJmaW5hbmNlIiwicm9sZSI6IkFVRElUT1IiLCJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ];
  for (const [name, authorization] of tokens)
    list.push({ name: `token: ${name}`, codes: ['UNAUTHENTICATED'], status: 401, send: post({ query: '{ __typename }' }, { authorization }) });
  return list;
}

describe('abuse suite', () => {
  it('refuses every generated abuse with a coded 4xx, calls no subgraph, and /health keeps answering', async () => {
    const list = abuses();
    expect(list.length).toBeGreaterThanOrEqual(200);
    const health = async () => (await fetch(hub.url.replace(/\/graphql$/, '/health'))).status;
    const failures: string[] = [];
    let slowest = { name: '', ms: 0 };
    let subgraphCalls = 0;
    for (const [i, abuse] of list.entries()) {
      const recording = hub.record();
      const started = performance.now();
      const response = await abuse.send();
      const text = await response.text();
      const ms = performance.now() - started;
      const calls = Object.values(requestCounts(recording.stop())).reduce((a, b) => a + b, 0);
      subgraphCalls += calls;
      if (ms > slowest.ms) slowest = { name: abuse.name, ms };
      const codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
      const statusOk = abuse.status ? response.status === abuse.status : response.status >= 400 && response.status < 500;
      if (!statusOk || calls || !abuse.codes.some((c) => codes.includes(c)))
        failures.push(`${abuse.name}: ${response.status} ${JSON.stringify(codes)} calls=${calls}`);
      if (i % 25 === 24 && (await health()) !== 200) failures.push(`/health stopped answering after ${abuse.name}`);
    }
    expect(await health()).toBe(200);
    console.log(
      `abuse suite: ${list.length} sent, ${list.length - failures.length} refused as expected, ${subgraphCalls} subgraph calls, slowest refusal ${slowest.ms.toFixed(0)} ms (${slowest.name})`,
    );
    expect(failures).toEqual([]);
  });
});
