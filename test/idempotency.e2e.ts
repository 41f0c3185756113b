import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFingerprint } from '@hub/gateway';
import { creditCodeCheckChar } from '@hub/schema';
import { startTestHub, type TestHub } from './src/index.ts';
import { selectsField } from './src/selectsField.ts';

/**
 * Safe retries (draft-ietf-httpapi-idempotency-key-header): a mutation with an Idempotency-Key runs
 * once per caller and key; a retry gets the first answer without a second effect; the key with
 * another request is refused; keys expire. Effects are counted where they happen: at the subgraph.
 */
let hub: TestHub;
/** The gateway's clock: moved forward to let keys and claims expire. */
let clock = new Date('2026-11-16T02:00:00Z');
beforeAll(async () => {
  hub = await startTestHub(undefined, { now: () => clock });
});
afterAll(async () => {
  await hub?.stop();
});

const REGISTER = `mutation Register($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { creditCode name } } }`;
let serial = 0;
/** An institution never registered before in this file. */
const newInstitution = () => {
  const first17 = `12410100MC${String(++serial).padStart(7, '0')}`;
  return {
    creditCode: first17 + creditCodeCheckChar(first17),
    name: `重试测试机构${serial}`,
    kind: 'PUBLIC_INSTITUTION',
    level: 'CITY',
    system: 'EDUCATION',
    fundingForm: 'FULL',
  };
};
const operator = (sub = 'zhao-operator', office = 'staffing') => hub.as({ office, role: 'OPERATOR', sub });

interface Raw {
  status: number;
  text: string;
  body: any;
  replayed: string | null;
  retryAfter: string | null;
}
/** POSTs as a department app would, keeping the answer's exact text and headers. */
async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>, operationName?: string): Promise<Raw> {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text),
    replayed: response.headers.get('idempotent-replayed'),
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Runs `send` and returns its result and how many registerInstitution calls the staffing subgraph received meanwhile. */
async function counted<T>(send: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const recording = hub.record();
  const result = await send();
  return { result, writes: recording.stop().staffing.filter((r) => selectsField(r, 'registerInstitution')).length };
}

const code = (raw: Raw) => raw.body.errors?.[0]?.extensions?.code;

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer, byte for byte, and writes once; the log has one write and one replay', async () => {
    const input = newInstitution();
    const headers = { ...(await operator()), 'idempotency-key': 'register-0001' };
    const first = await counted(() => post(REGISTER, { i: input }, headers));
    expect(first.writes).toBe(1);
    expect(first.result).toMatchObject({
      status: 200,
      replayed: null,
      body: { data: { registerInstitution: { institution: { creditCode: input.creditCode } } } },
    });
    for (let retry = 0; retry < 3; retry++) {
      const again = await counted(() => post(REGISTER, { i: input }, headers));
      expect(again.writes).toBe(0);
      expect(again.result).toMatchObject({ status: 200, text: first.result.text, replayed: 'true' });
    }
    // Without the key, the same request is a second attempt: the office refuses the duplicate.
    const unkeyed = await counted(async () => post(REGISTER, { i: input }, await operator()));
    expect([unkeyed.writes, code(unkeyed.result)]).toEqual([1, 'ALREADY_EXISTS']);

    const { entries } = await hub.gateway.log.search({ kind: 'WRITE', operationName: 'Register', actorSub: 'zhao-operator' }, { limit: 10, offset: 0 });
    expect(entries.map((e) => e.outcome).reverse()).toEqual(['ALLOWED', 'REPLAYED', 'REPLAYED', 'REPLAYED', 'REFUSED']);
    expect(entries[1]!.detail).toMatchObject({ idempotencyKey: 'register-0001', status: 200 });
    expect(entries[1]!.coordinates).toEqual(['Mutation.registerInstitution']);
  });

  it('replays a first answer that was a refusal too, and reads the key bare or as a structured-field string', async () => {
    const input = { ...newInstitution(), creditCode: 'not-a-credit-code' };
    const headers = await operator();
    const first = await counted(() => post(REGISTER, { i: input }, { ...headers, 'idempotency-key': 'refused-1' }));
    expect([first.writes, code(first.result)]).toEqual([1, 'INVALID_CREDIT_CODE']);
    const again = await counted(() => post(REGISTER, { i: input }, { ...headers, 'idempotency-key': '"refused-1"' }));
    expect([again.writes, again.result.text, again.result.replayed]).toEqual([0, first.result.text, 'true']);
  });

  it('refuses the key with another request (variables, operation name or text) with a coded bilingual 422, calling no office', async () => {
    const input = newInstitution();
    const headers = { ...(await operator()), 'idempotency-key': 'register-0002' };
    expect((await post(REGISTER, { i: input }, headers)).status).toBe(200);
    const NAMED = `${REGISTER} mutation Other { __typename }`;
    const others: [string, Record<string, unknown>, string?][] = [
      [REGISTER, { i: { ...input, name: '另一个名称' } }],
      [REGISTER.replace('Register(', 'Register2('), { i: input }],
      [REGISTER.replace('{ creditCode name }', '{ name creditCode }'), { i: input }],
      [NAMED, { i: input }, 'Register'],
    ];
    for (const [query, variables, name] of others) {
      const refused = await counted(() => post(query, variables, headers, name));
      expect(refused.writes).toBe(0);
      expect(refused.result.status).toBe(422);
      expect(refused.result.body.errors[0].extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
      expect(refused.result.body.errors[0].extensions.messageZh).toBeTruthy();
      expect(refused.result.body.errors[0].extensions.messageEn).toBeTruthy();
    }
    const { entries } = await hub.gateway.log.search({ kind: 'DENIAL', actorSub: 'zhao-operator' }, { limit: 10, offset: 0 });
    expect(entries.slice(0, others.length).map((e) => (e.detail as { codes: string[] }).codes)).toEqual(others.map(() => ['IDEMPOTENCY_KEY_REUSED']));
  });

  it("keeps keys per caller: another caller's equal key runs its own request", async () => {
    const input = newInstitution();
    const key = { 'idempotency-key': 'shared-looking-key' };
    const mine = await counted(async () => post(REGISTER, { i: input }, { ...(await operator()), ...key }));
    expect([mine.writes, mine.result.status]).toEqual([1, 200]);
    // A colleague of the same office: their own request, which the office refuses as a duplicate.
    const colleague = await counted(async () => post(REGISTER, { i: input }, { ...(await operator('qian-operator')), ...key }));
    expect([colleague.writes, code(colleague.result), colleague.result.replayed]).toEqual([1, 'ALREADY_EXISTS', null]);
    // Another office's subject of the same name: refused by the catalog, never answered from staffing's key.
    const other = await counted(async () => post(REGISTER, { i: input }, { ...(await operator('zhao-operator', 'hr')), ...key }));
    expect([other.writes, code(other.result), other.result.replayed]).toEqual([0, 'FORBIDDEN', null]);
    // Callers without a token share nothing: nothing is kept for them (they cannot write either).
    for (let i = 0; i < 2; i++) {
      const anonymous = await post(REGISTER, { i: input }, key);
      expect([code(anonymous), anonymous.replayed]).toEqual(['FORBIDDEN', null]);
    }
  });

  it('refuses a bad key with a coded 400 on a mutation; queries ignore the header; a mutation without a key runs as before', async () => {
    const headers = await operator();
    const longest = 'k'.repeat(128);
    for (const bad of ['', '  ', 'k'.repeat(129), 'has space', 'comma,separated', 'clé', '"unterminated', 'semi;colon']) {
      const refused = await counted(() => post(REGISTER, { i: newInstitution() }, { ...headers, 'idempotency-key': bad }));
      expect([refused.writes, refused.result.status, code(refused.result)], JSON.stringify(bad)).toEqual([0, 400, 'IDEMPOTENCY_KEY_INVALID']);
    }
    expect((await post(REGISTER, { i: newInstitution() }, { ...headers, 'idempotency-key': longest })).status).toBe(200);
    expect((await post(REGISTER, { i: newInstitution() }, { ...headers, 'idempotency-key': 'a1-B2_c3.d4~e5:f6+g7/h8=' })).status).toBe(200);
    const query = await post(`{ __typename }`, {}, { ...headers, 'idempotency-key': 'has space' });
    // Every answer names its request in extensions.requestId (README, "Logs, metrics and traces").
    expect([query.status, query.body]).toEqual([200, { data: { __typename: 'Query' }, extensions: { requestId: expect.any(String) } }]);
    const input = newInstitution();
    const twice = await counted(async () => [await post(REGISTER, { i: input }, headers), await post(REGISTER, { i: input }, headers)]);
    expect([twice.writes, twice.result.map((r) => r.status), code(twice.result[1]!)]).toEqual([2, [200, 200], 'ALREADY_EXISTS']);
  });

  it('answers a retry while the first request has no answer with a coded 409 and Retry-After; a claim that never answered lapses', async () => {
    const input = newInstitution();
    const variables = { i: input };
    // The first request as another gateway instance would hold it: claimed, not yet answered.
    const claim = await hub.gateway.idempotency.claim(
      { office: 'staffing', sub: 'zhao-operator' },
      'in-flight-1',
      requestFingerprint(REGISTER, null, variables),
    );
    expect(claim).toEqual({ kind: 'CLAIMED' });
    const headers = { ...(await operator()), 'idempotency-key': 'in-flight-1' };
    const busy = await counted(() => post(REGISTER, variables, headers));
    expect([busy.writes, busy.result.status, code(busy.result), busy.result.retryAfter]).toEqual([0, 409, 'IDEMPOTENCY_KEY_IN_FLIGHT', '1']);
    expect(busy.result.body.errors[0].extensions.messageEn).toBeTruthy();
    // Another request with that key is still another request.
    expect(code(await post(REGISTER, { i: newInstitution() }, headers))).toBe('IDEMPOTENCY_KEY_REUSED');
    // The claim's holder stopped without answering: after the lease the same request runs, once.
    clock = new Date(clock.getTime() + 5 * 60_000 + 1);
    const ran = await counted(() => post(REGISTER, variables, headers));
    expect([ran.writes, ran.result.status, ran.result.replayed]).toEqual([1, 200, null]);
    expect((await post(REGISTER, variables, headers)).replayed).toBe('true');
  });

  it('lets exactly one of 20 racing requests with one key run; the others get its answer or 409', async () => {
    const input = newInstitution();
    const headers = { ...(await operator()), 'idempotency-key': 'race-1' };
    const race = await counted(() => Promise.all(Array.from({ length: 20 }, () => post(REGISTER, { i: input }, headers))));
    expect(race.writes).toBe(1);
    const ran = race.result.filter((r) => r.status === 200 && r.replayed === null);
    expect(ran).toHaveLength(1);
    for (const answer of race.result) {
      if (answer.status === 200) expect(answer.text).toBe(ran[0]!.text);
      else expect([answer.status, code(answer)]).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
    }
  });

  it('keeps keys for IDEMPOTENCY_TTL (24 h by default), then the same key runs anew, and purges expired keys', async () => {
    const input = newInstitution();
    // Tokens are checked on the gateway's clock: each request gets one signed at its time, for the same caller.
    const headers = async () => ({ ...(await operator()), 'idempotency-key': 'expiring-1' });
    expect((await post(REGISTER, { i: input }, await headers())).status).toBe(200);
    clock = new Date(clock.getTime() + 24 * 3600_000 - 1);
    expect((await post(REGISTER, { i: input }, await headers())).replayed).toBe('true');
    clock = new Date(clock.getTime() + 1);
    // Expired: the request runs again (and the office refuses the duplicate it would be).
    const fresh = await headers();
    const anew = await counted(() => post(REGISTER, { i: input }, fresh));
    expect([anew.writes, code(anew.result), anew.result.replayed]).toEqual([1, 'ALREADY_EXISTS', null]);
    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect(await hub.gateway.idempotency.purgeExpired()).toBeGreaterThan(0);
    expect(await hub.gateway.idempotency.purgeExpired()).toBe(0);
    expect(await hub.gateway.log.verify()).toMatchObject({ ok: true });
  });
});
