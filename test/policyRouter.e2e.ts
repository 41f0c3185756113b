import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOfCoordinate, useCatalogPolicy, withSubgraphUrls } from '@hub/gateway/policy';
import { generateCity, type City } from '@hub/launcher/demo';
import { POLICY_SUPERGRAPH_PATH, SERVICE_SUBGRAPHS } from '@hub/schema/contracts';
import { at, deniedAt, enter, expected, matrixCases, OFFICES, ROLES, SHARE_TYPES, STATES, T0, VIEWERS } from './src/accessMatrix.ts';
import { selectsField } from './src/selectsField.ts';
import { startTestHub, type GraphQLAnswer, type TestGateway, type TestHub } from './src/testHub.ts';

/**
 * The access matrix through Hive Gateway (in process, by its runtime API) on the policy supergraph
 * with the hub's catalog policy plugin, over the same subgraphs, against the hub's own gateway:
 * every cell must get the same answer (data, and FORBIDDEN errors at the same paths with the same
 * coordinates, reasons and messages), and what the catalog says.
 */
const POLICY_SDL = readFileSync(POLICY_SUPERGRAPH_PATH, 'utf8');

let city: City;
let hub: TestHub;
let person: string;
let unit: string;
let outsider: string;
let CASES: ReturnType<typeof matrixCases>;
const viewers = new Map<string, { office: string; role: string; sub: string; unit?: string }>();
const signedBy = (gateway: TestGateway, key: string) => gateway.as(viewers.get(key)!);
/** Counts for the report: cells compared, and of them granted and denied. */
const counts = { cells: 0, granted: 0, denied: 0, extra: 0, coprocessor: 0 };
const policyOf = policyOfCoordinate(POLICY_SDL);
/** The coordinates on a case's path, root first (`person.cadre.post` → Query.person, Person.cadre, Cadre.post). */
const TYPE_OF: Record<string, string> = { person: 'Person', cadre: 'Cadre' };
const pathCoordinates = (path: readonly string[]) => path.map((key, i) => `${i === 0 ? 'Query' : TYPE_OF[path[i - 1]!]}.${key}`);

/**
 * What a router's coprocessor call gets for the policies on a path, in Apollo Router's protocol
 * (SupergraphRequest) and in Hive Router's (graphql.analysis): the same booleans from both, returned.
 */
async function coprocessor(gateway: TestGateway, headers: Record<string, string>, policies: string[]): Promise<Record<string, boolean>> {
  const url = new URL('/policy/coprocessor', gateway.url);
  const required = Object.fromEntries(policies.map((p) => [p, null]));
  const apollo = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      version: 1,
      stage: 'SupergraphRequest',
      control: 'continue',
      id: 'req-1',
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      context: { entries: { 'apollo::authorization::required_policies': required } },
    }),
  }).then((r) => r.json() as Promise<any>);
  const hive = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      version: 1,
      stage: 'graphql.analysis',
      control: 'continue',
      id: 'req-1',
      headers,
      context: { 'hive::authorization::required_policies': required },
    }),
  }).then((r) => r.json() as Promise<any>);
  expect(apollo).toMatchObject({ version: 1, stage: 'SupergraphRequest', control: 'continue', id: 'req-1' });
  expect(hive).toMatchObject({ version: 1, control: 'continue' });
  const fromApollo = apollo.context.entries['apollo::authorization::required_policies'];
  expect(hive.context['hive::authorization::required_policies']).toEqual(fromApollo);
  counts.coprocessor += 2;
  return fromApollo;
}

/** The policy supergraph with its subgraphs where the test hub runs them. */
const hubSupergraph = () =>
  withSubgraphUrls(POLICY_SDL, Object.fromEntries(SERVICE_SUBGRAPHS.map(({ name }) => [name, new URL('graphql', hub.subgraphs[name].url).toString()])));

/** Hive Gateway on the policy supergraph, its subgraphs where the test hub runs them, deciding at `hubUrl`. */
function hiveGateway(hubUrl: string): GatewayRuntime {
  return createGatewayRuntime({
    supergraph: hubSupergraph(),
    logging: false,
    plugins: () => useCatalogPolicy({ hubUrl, policySupergraphSdl: POLICY_SDL, subgraphSecret: hub.subgraphSecret }),
  });
}

async function ask(hive: GatewayRuntime, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLAnswer<any>> {
  const response = await hive.fetch('http://hive.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** An answer in which an office did not answer in time (SUBGRAPH_UNAVAILABLE, or a failure masked as internal). */
const unavailable = (answer: GraphQLAnswer<unknown>) =>
  (answer.errors ?? []).some((e) => ['SUBGRAPH_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(e.extensions?.code));

/**
 * What must agree between the two gateways: status, data, and each error's path, message and
 * extensions; less the `serviceName` Hive Gateway adds to an error a subgraph returned (which office
 * refused: the hub's gateway does not say).
 */
const comparable = (answer: GraphQLAnswer<unknown>) => ({
  status: answer.status,
  data: answer.data ?? null,
  errors: (answer.errors ?? []).map((e) => {
    const { serviceName: _, ...extensions } = e.extensions ?? {};
    return { message: e.message, path: e.path ?? null, extensions };
  }),
});

beforeAll(async () => {
  city = generateCity({ seed: 7, institutions: 140, persons: 6000 });
  hub = await startTestHub(() => city);
  const cadre = city.organization.cadres.find((c) => city.staffing.ledgerEntries.some((l) => l.idNumber === c.idNumber))!;
  person = cadre.idNumber;
  unit = cadre.institutionCreditCode;
  outsider = city.staffing.ledgerEntries.find((l) => l.institutionCreditCode !== unit)!.idNumber;
  CASES = matrixCases(city, person);
  for (const office of OFFICES)
    for (const role of ROLES) viewers.set(`${office}/${role}`, { office, role, sub: `${office}-${role}`, ...(role === 'UNIT_OPERATOR' ? { unit } : {}) });
}, 240_000);
afterAll(async () => {
  console.log(
    `policy router matrix: ${counts.cells} cells compared, ${counts.granted} granted, ${counts.denied} denied; ${counts.coprocessor} coprocessor calls agreed; ${counts.extra} further cases`,
  );
  await hub?.stop();
});

describe('the access matrix through Hive Gateway with the catalog policy plugin', () => {
  for (const state of STATES) {
    it(`decides every cell as the hub's gateway does with grants ${state}, and asks no subgraph for a denied field`, async () => {
      const clock = { now: T0 };
      const gateway = await hub.startGateway({ now: () => new Date(clock.now) });
      const hive = hiveGateway(new URL('/', gateway.url).toString());
      try {
        await enter(state, gateway, clock, signedBy);
        const mismatches: string[] = [];
        for (const viewer of VIEWERS) {
          const office = viewer?.[0] ?? null;
          const headers = viewer ? await signedBy(gateway, viewer.join('/')) : {};
          for (const shareType of SHARE_TYPES) {
            const c = CASES[shareType];
            const label = `${viewer?.join('/') ?? 'anonymous'} ${shareType} ${state}`;
            // An office too slow for a deadline under load is an outage, not a decision: that cell is asked again (at most 3 times).
            let ours: GraphQLAnswer<any>;
            let theirs: GraphQLAnswer<any>;
            let received: ReturnType<ReturnType<TestHub['record']>['stop']>;
            for (let attempt = 1; ; attempt++) {
              ours = await gateway.query(c.query, { p: person }, headers);
              const recording = hub.record();
              theirs = await ask(hive, c.query, { p: person }, headers);
              received = recording.stop();
              if (attempt === 3 || ![ours, theirs].some(unavailable)) break;
            }
            counts.cells++;
            // Deep equality, key order aside (the decision travels as JSON from the decision service).
            if (!isDeepStrictEqual(comparable(theirs), comparable(ours)))
              mismatches.push(`${label}: hub ${JSON.stringify(comparable(ours))}, hive ${JSON.stringify(comparable(theirs))}`);
            const asked = Object.entries(received)
              .filter(([, requests]) => requests.some((r) => selectsField(r, c.field)))
              .map(([name]) => name);
            // The routers' coprocessor: the first refused policy on the path is the field the hub denies.
            const onPath = pathCoordinates(c.path);
            const decided = await coprocessor(gateway, headers, onPath.map(policyOf));
            const firstRefused = onPath.find((coordinate) => decided[policyOf(coordinate)] !== true) ?? null;
            const hubDenied = expected(office, shareType, state) ? null : deniedAt(office, shareType, state);
            if (firstRefused !== hubDenied) mismatches.push(`${label}: coprocessor refuses first ${firstRefused}, the hub denies ${hubDenied}`);
            if (expected(office, shareType, state)) {
              counts.granted++;
              if (theirs.errors || at(theirs.data, c.path) !== c.value()) mismatches.push(`${label}: expected ${c.value()}, got ${JSON.stringify(theirs)}`);
              if (asked.join() !== c.owner) mismatches.push(`${label}: expected only ${c.owner} asked for ${c.field}, asked [${asked}]`);
            } else {
              counts.denied++;
              const errors = (theirs.errors ?? []).map((e) => `${e.extensions?.code} ${e.extensions?.coordinate}`);
              if (at(theirs.data, c.path) != null || errors.join() !== `FORBIDDEN ${deniedAt(office, shareType, state)}`)
                mismatches.push(`${label}: expected FORBIDDEN at ${deniedAt(office, shareType, state)}, got ${JSON.stringify(theirs)}`);
              if (asked.length) mismatches.push(`${label}: ${asked} asked for ${c.field}`);
            }
          }
        }
        expect(mismatches).toEqual([]);
        // Each denial twice in this state's log: once from the hub's gateway, once as Hive reported it.
        const log = gateway.gateway.log;
        const refused = VIEWERS.flatMap((v) => SHARE_TYPES.filter((t) => !expected(v?.[0] ?? null, t, state)));
        expect((await log.search({ kind: 'DENIAL' }, { limit: 1, offset: 0 })).total).toBe(2 * refused.length);
        expect((await log.search({ kind: 'DENIAL', coordinate: 'Cadre.appointedOn' }, { limit: 1, offset: 0 })).total).toBe(state === 'live' ? 2 * 3 * 7 : 0);
        const [last] = (await log.search({ kind: 'DENIAL' }, { limit: 1, offset: 0 })).entries;
        expect(last).toMatchObject({ operationName: 'N', detail: { via: 'router' } });
        expect(await log.verify()).toMatchObject({ ok: true });
      } finally {
        await gateway.stop();
      }
    }, 240_000);
  }
});

describe('what stays with the subgraphs behind a router', () => {
  const LEDGER = 'query L($p: ID!) { person(idNumber: $p) { ledgerEntry { name institution { creditCode } } } }';

  it("keeps a unit operator to its own unit's rows (row-level, in the subgraph, from the signed viewer claim), as the hub does", async () => {
    const hive = hiveGateway(new URL('/', hub.url).toString());
    const clerk = await signedBy(hub, 'staffing/UNIT_OPERATOR');
    for (const p of [person, outsider]) {
      const ours = await hub.query(LEDGER, { p }, clerk);
      const theirs = await ask(hive, LEDGER, { p }, clerk);
      counts.extra++;
      expect(comparable(theirs)).toEqual(comparable(ours));
    }
    const own = await ask(hive, LEDGER, { p: person }, clerk);
    expect(own.data.person.ledgerEntry.institution.creditCode).toBe(unit);
    const other = await ask(hive, LEDGER, { p: outsider }, clerk);
    expect(other.errors?.map((e) => e.extensions?.reason)).toContain('OTHER_UNIT');
    expect(other.data?.person?.ledgerEntry ?? null).toBeNull();
  });

  it("refuses another office's write as the hub does, calling no subgraph", async () => {
    const hive = hiveGateway(new URL('/', hub.url).toString());
    const REGISTER = `mutation Register($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber } } }`;
    const input = { i: { idNumber: '11010519491231002x', name: '钱敏', ethnicity: '汉族', nativePlace: '河南郑州' } };
    const operator = await signedBy(hub, 'staffing/OPERATOR');
    const ours = await hub.query(REGISTER, input, operator);
    const recording = hub.record();
    const theirs = await ask(hive, REGISTER, input, operator);
    const received = recording.stop();
    counts.extra++;
    expect(comparable(theirs)).toEqual(comparable(ours));
    expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITE_NOT_OWNER' });
    expect(Object.values(received).flat()).toHaveLength(0);
  });

  it("breaks a router's request with 401 on a forged token, and refuses a policy that is not the catalog's", async () => {
    const url = new URL('/policy/coprocessor', hub.url);
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const forged = await post({
      version: 1,
      stage: 'graphql.analysis',
      control: 'continue',
      id: 'x',
      headers: { authorization: 'Bearer not.a.token' },
      context: { 'hive::authorization::required_policies': { [policyOf('Person.name')]: null } },
    }).then((r) => r.json() as Promise<any>);
    expect(forged).toMatchObject({ control: { break: 401 }, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const unknown = await coprocessor(hub, await signedBy(hub, 'hr/LEADER'), ['admin', policyOf('Person.name')]);
    expect(unknown).toEqual({ admin: false, [policyOf('Person.name')]: true });
    const tooMany = await post({
      version: 1,
      stage: 'graphql.analysis',
      context: { 'hive::authorization::required_policies': Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`p${i}`, null])) },
    });
    expect([tooMany.status, ((await tooMany.json()) as any).errors[0].extensions.reason]).toEqual([400, 'TOO_MANY_POLICIES']);
  });

  it("signs Apollo Router's subgraph requests at the SubgraphRequest stage for the viewer decided, which the subgraphs accept and scope", async () => {
    const url = new URL('/policy/coprocessor', hub.url);
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const clerk = await signedBy(hub, 'staffing/UNIT_OPERATOR');
    const supergraphStage = await post({
      version: 1,
      stage: 'SupergraphRequest',
      control: 'continue',
      id: 'a1',
      headers: { authorization: [clerk.authorization] },
      context: { entries: { 'apollo::authorization::required_policies': { [policyOf('Person.ledgerEntry')]: null } } },
    });
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ledgerEntry { name institution { creditCode } } } } }';
    const subgraphStage = (context: unknown, idNumber: string) =>
      post({
        version: 1,
        stage: 'SubgraphRequest',
        control: 'continue',
        id: 'a1',
        serviceName: 'staffing',
        body: { query: ENTITIES, variables: { r: [{ __typename: 'Person', idNumber }] } },
        context,
      });
    const toStaffing = (body: unknown) =>
      fetch(hub.subgraphs.staffing.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const own = await toStaffing((await subgraphStage(supergraphStage.context, person)).body);
    expect(own.status).toBe(200);
    expect(((await own.json()) as any).data._entities[0].ledgerEntry.institution.creditCode).toBe(unit);
    // Another unit's row is not given to the unit operator, and is to an operator of the office.
    const other = await toStaffing((await subgraphStage(supergraphStage.context, outsider)).body);
    expect(((await other.json()) as any).data._entities[0].ledgerEntry).toBeNull();
    const operatorStage = await post({
      ...supergraphStage,
      headers: { authorization: [(await signedBy(hub, 'staffing/OPERATOR')).authorization] },
      context: { entries: { 'apollo::authorization::required_policies': { [policyOf('Person.ledgerEntry')]: null } } },
    });
    const asOperator = await toStaffing((await subgraphStage(operatorStage.context, outsider)).body);
    expect(((await asOperator.json()) as any).data._entities[0].ledgerEntry.institution.creditCode).not.toBe(unit);
    // Signed for one person, sent for another: refused.
    const signed = (await subgraphStage(supergraphStage.context, person)).body;
    const swapped = await toStaffing({ ...signed, variables: { r: [{ __typename: 'Person', idNumber: outsider }] } });
    expect([swapped.status, ((await swapped.json()) as any).errors[0].extensions.reason]).toEqual([401, 'CREDENTIAL_INVALID']);
    // No decision before it: no signature.
    const undecided = await subgraphStage({ entries: {} }, person);
    expect(undecided).toMatchObject({ control: { break: 401 }, body: { errors: [{ extensions: { reason: 'NOT_DECIDED' } }] } });
    counts.extra++;
  });

  it('answers a forged token with 401 UNAUTHENTICATED, as the hub does', async () => {
    const hive = hiveGateway(new URL('/', hub.url).toString());
    const theirs = await ask(hive, CASES.UNCONDITIONAL.query, { p: person }, { authorization: 'Bearer not.a.token' });
    const ours = await hub.query(CASES.UNCONDITIONAL.query, { p: person }, { authorization: 'Bearer not.a.token' });
    counts.extra++;
    expect(ours.status).toBe(401);
    expect([theirs.status, theirs.errors?.[0]?.extensions?.code, theirs.errors?.[0]?.extensions?.reason]).toEqual([
      401,
      'UNAUTHENTICATED',
      ours.errors?.[0]?.extensions?.reason,
    ]);
  });

  it('is refused by the subgraphs without the plugin: Hive Gateway alone carries no credential they accept', async () => {
    const bare = createGatewayRuntime({ supergraph: hubSupergraph(), logging: false });
    const recording = hub.record();
    const answer = await ask(bare, CASES.UNCONDITIONAL.query, { p: person }, await signedBy(hub, 'hr/LEADER'));
    // The subgraph refused it before reading it: nothing was recorded as received.
    expect(recording.stop().hr).toHaveLength(0);
    expect(answer.data?.person ?? null).toBeNull();
    expect(JSON.stringify(answer.errors)).toMatch(/CREDENTIAL_MISSING|401|Unauthorized|UNAUTHENTICATED/);
  });
});
