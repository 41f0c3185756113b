import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { generateCity, type City } from '@hub/launcher/demo';
import { signedPost } from '@hub/schema/testing';
import {
  at,
  deniedAt,
  enter as enterState,
  expected,
  matrixCases,
  ROLES,
  OFFICES,
  type ShareType,
  STATES,
  type State,
  T0,
  VIEWERS,
} from './src/accessMatrix.ts';
import { selectsField } from './src/selectsField.ts';
import { requestCounts, startTestHub, type TestGateway, type TestHub } from './src/testHub.ts';

let city: City;
let CASES: ReturnType<typeof matrixCases>;
let hub: TestHub;
let person: string;
let unit: string;
/** Two more in-quota persons, for writes: one in the unit operators' unit, one elsewhere. */
let colleague: string;
let outsider: string;
const headers = new Map<string, Record<string, string>>();
/** Each office × role's claims, for a token signed by a gateway of a grant state on its own clock when it is needed. */
const viewers = new Map<string, { office: string; role: string; sub: string; unit?: string }>();
const signedBy = (gateway: TestGateway, key: string) => gateway.as(viewers.get(key)!);

beforeAll(async () => {
  city = generateCity({ seed: 7, institutions: 140, persons: 6000 });
  hub = await startTestHub(() => city);
  // An in-quota cadre with a payroll record; a unit operator of that person's institution.
  const cadre = city.organization.cadres.find((c) => city.staffing.ledgerEntries.some((l) => l.idNumber === c.idNumber))!;
  person = cadre.idNumber;
  CASES = matrixCases(city, person);
  unit = cadre.institutionCreditCode;
  colleague = city.staffing.ledgerEntries.find((l) => l.institutionCreditCode === unit && l.idNumber !== person)!.idNumber;
  outsider = city.staffing.ledgerEntries.find((l) => l.institutionCreditCode !== unit)!.idNumber;
  for (const office of OFFICES) {
    for (const role of ROLES) {
      viewers.set(`${office}/${role}`, { office, role, sub: `${office}-${role}`, ...(role === 'UNIT_OPERATOR' ? { unit } : {}) });
      headers.set(`${office}/${role}`, await hub.as(viewers.get(`${office}/${role}`)!));
    }
  }
}, 240_000);
afterAll(() => hub?.stop());

const enter = (state: State, gateway: TestGateway, clock: { now: number }) => enterState(state, gateway, clock, signedBy);

/**
 * Every cell of one state: what the answer holds, and what each subgraph received for it (recorded
 * for that one query). Returns the mismatches, one line each.
 */
async function checkCells(state: State, gateway: TestGateway): Promise<string[]> {
  const mismatches: string[] = [];
  for (const viewer of VIEWERS) {
    const office = viewer?.[0] ?? null;
    for (const shareType of Object.keys(CASES) as ShareType[]) {
      const c = CASES[shareType];
      const recording = hub.record();
      const answer = await gateway.query(c.query, { p: person }, viewer ? await signedBy(gateway, viewer.join('/')) : {});
      const received = recording.stop();
      const label = `${viewer?.join('/') ?? 'anonymous'} ${shareType} ${state}`;
      const asked = Object.entries(received)
        .filter(([, requests]) => requests.some((r) => selectsField(r, c.field)))
        .map(([name]) => name);
      if (expected(office, shareType, state)) {
        if (answer.errors || at(answer.data, c.path) !== c.value()) mismatches.push(`${label}: expected ${c.value()}, got ${JSON.stringify(answer)}`);
        // The recorder sees what it must not miss when a field is denied.
        if (asked.join() !== c.owner) mismatches.push(`${label}: expected only ${c.owner} to be asked for ${c.field}, asked: [${asked}]`);
        continue;
      }
      const errors = (answer.errors ?? []).map((e) => `${e.extensions?.code} ${e.extensions?.coordinate}`);
      if (at(answer.data, c.path) != null || errors.join() !== `FORBIDDEN ${deniedAt(office, shareType, state)}`) {
        mismatches.push(`${label}: expected FORBIDDEN at ${deniedAt(office, shareType, state)}, got ${JSON.stringify(answer)}`);
      }
      // No subgraph was asked for the denied field.
      if (asked.length) mismatches.push(`${label}: ${asked} asked for ${c.field}`);
      // A subgraph whose requested fields were all denied is not called at all (only the not-shared
      // field under a live grant leaves its owner something to answer: the cadre it hangs on).
      const ownerFieldsAllDenied = shareType !== 'NOT_SHARED' || !expected(office, 'CONDITIONAL', state);
      if (ownerFieldsAllDenied && received[c.owner].length) mismatches.push(`${label}: ${c.owner} was called ${received[c.owner].length} times`);
    }
  }
  return mismatches;
}

describe('access matrix: office × role × share type × grant state', () => {
  for (const state of STATES) {
    it(`reads exactly what the catalog allows with grants ${state}, asks no subgraph for a denied field, and logs it`, async () => {
      const clock = { now: T0 };
      const gateway = await hub.startGateway({ now: () => new Date(clock.now) });
      try {
        await enter(state, gateway, clock);
        expect(await checkCells(state, gateway)).toEqual([]);

        // This state's own log: verifiable, one denial per refused cell, the reads under grant.
        const log = gateway.gateway.log;
        expect(await log.verify()).toMatchObject({ ok: true });
        const refused = VIEWERS.flatMap((v) => (Object.keys(CASES) as ShareType[]).filter((t) => !expected(v?.[0] ?? null, t, state)));
        expect((await log.search({ kind: 'DENIAL' }, { limit: 1, offset: 0 })).total).toBe(refused.length);
        // Cadre.appointedOn itself is named only where Person.cadre was allowed: 3 offices × 7 roles under live grants.
        expect((await log.search({ kind: 'DENIAL', coordinate: 'Cadre.appointedOn' }, { limit: 1, offset: 0 })).total).toBe(state === 'live' ? 3 * 7 : 0);
        const reads = await log.search({ kind: 'READ', actorOffice: 'staffing', coordinate: 'Cadre.post' }, { limit: 10, offset: 0 });
        expect(reads.total).toBe(state === 'live' ? ROLES.length : 0);
        if (state === 'live') expect(reads.entries[0]).toMatchObject({ actorOffice: 'staffing', operationName: 'C', rowsReturned: 2 });
      } finally {
        await gateway.stop();
      }
    }, 180_000);
  }
});

describe('identity at the edges', () => {
  const ask = (headers: Record<string, string>) =>
    fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ institutions(first: 1) { totalCount } }' }),
    });

  it('answers a caller without a token with open items only', async () => {
    const response = await ask({});
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.institutions.totalCount).toBe(140);
  });

  it('refuses malformed, expired, forged and unknown-office tokens with 401, writing nothing but a log entry', async () => {
    const secret = new TextEncoder().encode(hub.jwtSecret);
    const forge = (claims: Record<string, unknown>, key = secret, exp = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('staffing-hub')
        .setAudience('staffing-hub-gateway')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(key);
    const cases: [string, Record<string, string>, string][] = [
      ['malformed', { authorization: 'Token abc' }, 'TOKEN_MISSING'],
      ['expired', { authorization: `Bearer ${await hub.token({ office: 'hr', role: 'OPERATOR' }, '-5m')}` }, 'TOKEN_EXPIRED'],
      ['forged', { authorization: `Bearer ${await forge({ office: 'hr', role: 'OPERATOR' }, new TextEncoder().encode('not the key'))}` }, 'TOKEN_INVALID'],
      ['unknown office', { authorization: `Bearer ${await forge({ office: 'police', role: 'OPERATOR' })}` }, 'UNKNOWN_OFFICE'],
      ['unknown role', { authorization: `Bearer ${await forge({ office: 'hr', role: 'ADMIN' })}` }, 'UNKNOWN_ROLE'],
    ];
    const before = (await hub.gateway.log.search({ kind: 'AUTH' }, { limit: 1, offset: 0 })).total;
    for (const [label, h, reason] of cases) {
      const response = await ask(h);
      const body = (await response.json()) as any;
      expect([label, response.status, body.errors?.[0]?.extensions?.reason]).toEqual([label, 401, reason]);
      expect(body.errors[0].message).toMatch(/ \/ /);
      expect(body.data).toBeUndefined();
    }
    expect((await hub.gateway.log.search({ kind: 'AUTH' }, { limit: 1, offset: 0 })).total).toBe(before + cases.length);
  });

  it('lets subgraphs answer only the gateway, _service and _entities included', async () => {
    for (const [name, s] of Object.entries(hub.subgraphs)) {
      const body = (query = '{ _service { sdl } }') => JSON.stringify({ query });
      const post = (headers: Record<string, string>, query?: string) =>
        fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body(query) });
      const signed = async (secret: string, subgraph: string) => fetch(s.url, await signedPost(s.url, { secret, subgraph, body: body() }));
      const other = name === 'hr' ? 'finance' : 'hr';
      const statuses = [
        (await post({})).status,
        (await post({ authorization: `Bearer ${await hub.token({ office: 'hr', role: 'LEADER' })}` })).status,
        (await signed('forged secret', name)).status,
        (await signed(hub.subgraphSecret, other)).status,
        (await post({}, `{ _entities(representations: [{ __typename: "Person", idNumber: "${person}" }]) { __typename } }`)).status,
        (await signed(hub.subgraphSecret, name)).status,
      ];
      expect([name, ...statuses]).toEqual([name, 401, 401, 401, 401, 401, 200]);
    }
  });
});

describe('writes through the gateway', () => {
  const REGISTER = `mutation Register($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber gender birthDate } } }`;
  const input = { idNumber: '11010519491231002x', name: '钱敏', ethnicity: '汉族', nativePlace: '河南郑州' };

  it("refuses another office's write, writes nothing and logs it as a refused write", async () => {
    const before = await hub.gateway.log.search({ kind: 'WRITE', outcome: 'REFUSED', operationName: 'Register' }, { limit: 1, offset: 0 });
    const recording = hub.record();
    const answer = await hub.query(REGISTER, { i: input }, headers.get('staffing/OPERATOR'));
    // Its only field refused, the operation reaches no subgraph.
    expect(requestCounts(recording.stop())).toEqual({ organization: 0, staffing: 0, hr: 0, finance: 0, catalog: 0 });
    // Nullable (one office's field of Mutation), so the null stays at the field and any other office's root field would stay.
    expect(answer.data).toEqual({ registerPerson: null });
    expect(answer.errors?.[0]).toMatchObject({ path: ['registerPerson'], extensions: { code: 'FORBIDDEN', reason: 'WRITE_NOT_OWNER' } });
    const after = await hub.gateway.log.search({ kind: 'WRITE', outcome: 'REFUSED', operationName: 'Register' }, { limit: 1, offset: 0 });
    expect(after.total).toBe(before.total + 1);
    expect(after.entries[0]).toMatchObject({
      actorOffice: 'staffing',
      coordinates: ['Mutation.registerPerson'],
      detail: { code: 'FORBIDDEN', why: 'WRITE_NOT_OWNER' },
    });
    const lookup = await hub.query(`{ person(idNumber: "11010519491231002X") { name } }`, {}, headers.get('hr/OPERATOR'));
    expect(lookup.data).toEqual({ person: null });
  });

  it("logs the owner's write with who, the input and the result", async () => {
    const recording = hub.record();
    const answer = await hub.query(REGISTER, { i: input }, headers.get('hr/OPERATOR'));
    const received = recording.stop();
    expect(received.hr.filter((r) => selectsField(r, 'registerPerson'))).toHaveLength(1);
    expect(
      Object.values(received)
        .flat()
        .filter((r) => selectsField(r, 'registerPerson')),
    ).toHaveLength(1);
    expect(answer).toMatchObject({ data: { registerPerson: { person: { idNumber: '11010519491231002X', gender: 'FEMALE', birthDate: '1949-12-31' } } } });
    const { entries } = await hub.gateway.log.search({ kind: 'WRITE', operationName: 'Register' }, { limit: 1, offset: 0 });
    expect(entries[0]).toMatchObject({
      actorOffice: 'hr',
      actorRole: 'OPERATOR',
      outcome: 'ALLOWED',
      coordinates: ['Mutation.registerPerson'],
      detail: { input: { i: input }, result: answer.data, changes: [{ entity: 'Person', key: '11010519491231002X', before: null, after: { name: '钱敏' } }] },
    });
  });

  it('lets a unit operator report a removal in its own unit only, and logs before and after', async () => {
    const REPORT = `mutation Report($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason institution { creditCode } } } }`;
    const clerk = headers.get('staffing/UNIT_OPERATOR');
    const refused = await hub.query(REPORT, { i: { idNumber: outsider, reason: 'RESIGNATION', effectiveOn: '2026-10-31' } }, clerk);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_UNIT' });
    const done = await hub.query(REPORT, { i: { idNumber: colleague, reason: 'RESIGNATION', effectiveOn: '2026-10-31' } }, clerk);
    expect(done.data).toEqual({ reportRemoval: { removal: { reason: 'RESIGNATION', institution: { creditCode: unit } } } });
    const ledger = await hub.query(
      `query($p: ID!) { person(idNumber: $p) { ledgerEntry { name } staffingCards { status } } }`,
      { p: colleague },
      headers.get('staffing/OPERATOR'),
    );
    expect(ledger.data.person.ledgerEntry).toBeNull();
    expect(ledger.data.person.staffingCards.every((c: { status: string }) => c.status === 'REVOKED')).toBe(true);
    // The refused report is a WRITE REFUSED with its code (and not a DENIAL too); the one that went through the only WRITE ALLOWED.
    const { entries } = await hub.gateway.log.search({ kind: 'WRITE', operationName: 'Report' }, { limit: 3, offset: 0 });
    expect(entries.map((e) => [e.outcome, e.coordinates, (e.detail as { code?: string }).code ?? null, (e.detail as { why?: string }).why ?? null])).toEqual([
      ['ALLOWED', ['Mutation.reportRemoval'], null, null],
      ['REFUSED', ['Mutation.reportRemoval'], 'FORBIDDEN', 'OTHER_UNIT'],
    ]);
    expect((await hub.gateway.log.search({ kind: 'DENIAL', operationName: 'Report' }, { limit: 1, offset: 0 })).total).toBe(0);
    const changes = (entries[0]!.detail as { changes: { entity: string; before: unknown; after: unknown }[] }).changes;
    expect(changes.map((c) => [c.entity, c.before !== null, c.after !== null])).toEqual([
      ['LedgerEntry', true, false],
      ...changes.filter((c) => c.entity === 'StaffingCard').map(() => ['StaffingCard', true, true]),
      ...changes.filter((c) => c.entity === 'StaffingCardEvent').map(() => ['StaffingCardEvent', false, true]),
      ...changes.filter((c) => c.entity === 'Quota').map(() => ['Quota', true, true]),
      ['Removal', false, true],
      ['StopPayNotice', false, true],
    ]);
  });
});
