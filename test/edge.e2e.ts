import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { exportJWK, exportSPKI, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';
import { type RateLimitOptions, type RunningGateway, startGateway } from '@hub/gateway';
import { SUPERGRAPH_PATH } from '@hub/schema/contracts';
import { requestCounts, startTestHub, type TestHub } from './src/index.ts';

/**
 * The edge before any GraphQL work: bearer tokens on the gateway's clock (the hub's own and an identity
 * provider's from its JWKS), rate limits per identity (memory, and Redis shared by two gateways), and
 * CORS beside Apollo's CSRF prevention. One hub with small budgets for the whole file; each test uses
 * identities of its own (a subject, or an address named through the trusted proxy 127.0.0.1).
 */
const ORIGIN = 'https://app.hr.example.gov.cn';
const PROVIDER = { issuer: 'https://idp.example.gov.cn', audience: 'staffing-hub' };
const QUERY = '{ institutions(first: 1) { totalCount } }';
const HOUR = 3600;
/** Small budgets, a burst window longer than any test, and an auditor's budget smaller still. */
const RATE_LIMITS = {
  anonymous: { perSecond: 2, burst: 60 },
  authenticated: { perSecond: 2, burst: 20 },
  roles: { AUDITOR: { perSecond: 1, burst: 2 } },
  burstWindow: 120,
  trustedProxies: ['127.0.0.1'],
};

let hub: TestHub;
let base: string;
let clock = new Date();
let rsa: CryptoKeyPair;
let ec: CryptoKeyPair;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  jwks = {
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256' },
    ],
  };
  hub = await startTestHub(undefined, {
    now: () => clock,
    tokens: { identityProvider: { jwks, ...PROVIDER } },
    rateLimits: RATE_LIMITS,
    cors: { origins: [ORIGIN] },
  });
  base = hub.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await hub?.stop();
});

const post = (gateway: { url: string }, headers: Record<string, string> = {}, body: unknown = { query: QUERY }) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A token signed by hand at the gateway's clock, so any claim can be wrong. */
const forge = (payload: JWTPayload, alg: string, key: CryptoKey | Uint8Array, kid?: string) => {
  const iat = Math.floor(clock.getTime() / 1000);
  return new SignJWT({ office: 'hr', role: 'OPERATOR', sub: 'idp-user', iat, exp: iat + HOUR, ...payload })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .sign(key);
};

describe('bearer tokens', () => {
  it('accepts RS256 and ES256 tokens of the identity provider, and the hub’s own', async () => {
    const ok = async (headers: Record<string, string>) => {
      const response = await post(hub, headers);
      return [response.status, ((await response.json()) as any).data?.institutions?.totalCount];
    };
    const provider = { iss: PROVIDER.issuer, aud: PROVIDER.audience };
    expect(await ok(bearer(await forge({ ...provider, sub: 'idp-rsa' }, 'RS256', rsa.privateKey, 'rsa-1')))).toEqual([200, 0]);
    expect(await ok(bearer(await forge({ ...provider, sub: 'idp-ec' }, 'ES256', ec.privateKey, 'ec-1')))).toEqual([200, 0]);
    expect(await ok(await hub.as({ office: 'hr', role: 'OPERATOR', sub: 'own-token' }))).toEqual([200, 0]);
  });

  it('refuses with 401 and logs tokens without exp, too long-lived, issued ahead, not yet valid, expired, unsigned, confused or of an unknown key', async () => {
    const iat = Math.floor(clock.getTime() / 1000);
    const secret = new TextEncoder().encode(hub.jwtSecret);
    const hubClaims = { iss: 'staffing-hub', aud: 'staffing-hub-gateway' };
    const provider = { iss: PROVIDER.issuer, aud: PROVIDER.audience };
    const other = await generateKeyPair('ES256');
    const unsigned = (payload: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const cases: [string, string, string][] = [
      ['no exp', await forge({ ...hubClaims, exp: undefined }, 'HS256', secret), 'TOKEN_NO_EXPIRY'],
      ['24 h lifetime', await forge({ ...hubClaims, exp: iat + 24 * HOUR }, 'HS256', secret), 'TOKEN_LIFETIME_TOO_LONG'],
      [
        'iat a year ahead',
        await forge({ ...hubClaims, iat: iat + 365 * 24 * HOUR, exp: iat + 365 * 24 * HOUR + HOUR }, 'HS256', secret),
        'TOKEN_ISSUED_IN_FUTURE',
      ],
      ['nbf ahead', await forge({ ...hubClaims, nbf: iat + 600 }, 'HS256', secret), 'TOKEN_NOT_YET_VALID'],
      ['expired', await forge({ ...hubClaims, iat: iat - 2 * HOUR, exp: iat - HOUR }, 'HS256', secret), 'TOKEN_EXPIRED'],
      ['alg none', unsigned({ office: 'hr', role: 'OPERATOR', sub: 'x', ...hubClaims, iat, exp: iat + HOUR }), 'TOKEN_INVALID'],
      ['HS256 with the public key', await forge(provider, 'HS256', new TextEncoder().encode(await exportSPKI(rsa.publicKey)), 'rsa-1'), 'TOKEN_INVALID'],
      ['unknown key id', await forge(provider, 'ES256', other.privateKey, 'ec-2'), 'TOKEN_UNKNOWN_KEY'],
      ['wrong audience', await forge({ ...provider, aud: 'another-app' }, 'RS256', rsa.privateKey, 'rsa-1'), 'TOKEN_INVALID'],
      ['wrong issuer', await forge({ ...provider, iss: 'https://elsewhere.example' }, 'RS256', rsa.privateKey, 'rsa-1'), 'TOKEN_INVALID'],
    ];
    const before = (await hub.gateway.log.search({ kind: 'AUTH' }, { limit: 1, offset: 0 })).total;
    const recording = hub.record();
    const results: unknown[] = [];
    for (const [label, token] of cases) {
      // Each from an address of its own (through the trusted proxy), so the refusals do not meet the anonymous budget.
      const response = await post(hub, { ...bearer(token), 'x-forwarded-for': `198.51.100.${results.length + 1}` });
      const body = (await response.json()) as any;
      results.push([label, response.status, body.errors?.[0]?.extensions?.reason, body.data]);
      expect(body.errors[0].extensions.messageZh && body.errors[0].extensions.messageEn).toBeTruthy();
    }
    expect(Object.values(requestCounts(recording.stop())).every((n) => n === 0)).toBe(true);
    expect(results).toEqual(cases.map(([label, , reason]) => [label, 401, reason, undefined]));
    expect((await hub.gateway.log.search({ kind: 'AUTH' }, { limit: 1, offset: 0 })).total).toBe(before + cases.length);
  });

  it('checks on the gateway’s clock: a token signed now is refused once the clock is past its expiry', async () => {
    const headers = await hub.as({ office: 'finance', role: 'OPERATOR', sub: 'clock-test' });
    expect((await post(hub, headers)).status).toBe(200);
    clock = new Date(clock.getTime() + 9 * HOUR * 1000);
    try {
      const response = await post(hub, headers);
      expect([response.status, ((await response.json()) as any).errors[0].extensions.reason]).toEqual([401, 'TOKEN_EXPIRED']);
    } finally {
      clock = new Date();
    }
  });
});

/** Sends until the first 429 (at most `max` requests); returns how many were answered before it, and the 429. */
async function untilRefused(send: () => Promise<Response>, max = 300) {
  for (let sent = 0; sent < max; sent++) {
    const response = await send();
    if (response.status === 429) return { allowed: sent, response, body: (await response.json()) as any };
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }
  throw new Error(`no 429 after ${max} requests`);
}

/**
 * Sends until a 429, at most `tries` times, for a caller already over its budget. Such a caller is
 * refused at once unless a second turns meanwhile and gives its per-second allowance back, which on a
 * loaded machine a check right after the refusal may meet: so a few answers before the 429 are let be
 * (returned in `answered`). A caller the limit missed would get none in `tries`.
 */
async function refusedWithin(send: () => Promise<Response>, tries = 10) {
  const answered: number[] = [];
  for (let sent = 0; sent < tries; sent++) {
    const response = await send();
    if (response.status === 429) return { answered, response };
    answered.push(response.status);
    await response.arrayBuffer();
  }
  throw new Error(`not refused in ${tries} requests: answered ${answered.join(', ')}`);
}

describe('rate limits per identity', () => {
  it('answers an identity over its budget 429 with Retry-After and RATE_LIMITED, calls no subgraph, logs it, and leaves another identity alone', async () => {
    const sub = `flood-${randomUUID()}`;
    const headers = await hub.as({ office: 'staffing', role: 'OPERATOR', sub });
    const { allowed, response, body } = await untilRefused(() => post(hub, headers));
    // Never before its budget: the per-second allowance and the burst.
    expect(allowed).toBeGreaterThanOrEqual(2 + 20);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: Number(response.headers.get('retry-after')) });
    expect(body.errors[0].message).toMatch(/请求过于频繁.* \/ too many requests/);
    expect(body.data).toBeUndefined();

    // Refused again, before any subgraph is called; the pages are limited alike; /health is not.
    let calls: Record<string, number> = {};
    const recorded = async (send: () => Promise<Response>) => {
      const recording = hub.record();
      const answer = await send();
      calls = requestCounts(recording.stop());
      return answer;
    };
    await refusedWithin(() => recorded(() => post(hub, headers)));
    expect(Object.values(calls).every((n) => n === 0)).toBe(true);
    await refusedWithin(() => recorded(() => fetch(`${base}/catalog`, { headers })));
    expect(Object.values(calls).every((n) => n === 0)).toBe(true);
    expect((await fetch(`${base}/health`, { headers })).status).toBe(200);

    // Another subject of the same office, and the same office's anonymous visitor, are not affected.
    expect((await post(hub, await hub.as({ office: 'staffing', role: 'OPERATOR', sub: `${sub}-colleague` }))).status).toBe(200);
    expect((await post(hub, { 'x-forwarded-for': '192.0.2.200' })).status).toBe(200);

    const denials = await hub.gateway.log.search({ kind: 'DENIAL', actorSub: sub }, { limit: 10, offset: 0 });
    expect(denials.total).toBeGreaterThanOrEqual(1);
    // At most one entry a second per identity: the flood is not copied into the log.
    expect(denials.total).toBeLessThanOrEqual(3);
    expect(denials.entries[0]).toMatchObject({
      outcome: 'DENIED',
      actorOffice: 'staffing',
      actorRole: 'OPERATOR',
      detail: { code: 'RATE_LIMITED', path: '/graphql' },
    });
  });

  it('limits anonymous callers per client address, read from X-Forwarded-For only through a trusted proxy', async () => {
    const flood = '203.0.113.9';
    const { allowed, body } = await untilRefused(() => post(hub, { 'x-forwarded-for': `10.1.1.1, ${flood}` }));
    expect(allowed).toBeGreaterThanOrEqual(2 + 60);
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    await refusedWithin(() => post(hub, { 'x-forwarded-for': flood }));
    // Another address behind the same proxy is a caller of its own.
    expect((await post(hub, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
    // A refused token is no way round the budget: it counts as its address's (a second's refill answers 401).
    const { answered } = await refusedWithin(() => post(hub, { 'x-forwarded-for': flood, authorization: 'Bearer not-a-token' }));
    expect(answered.every((status) => status === 401)).toBe(true);
    const denial = (await hub.gateway.log.search({ kind: 'DENIAL' }, { limit: 50, offset: 0 })).entries.find((e) => e.detail.address === flood);
    expect(denial).toMatchObject({ actorOffice: null, detail: { code: 'RATE_LIMITED' } });
  });

  it('gives a role its own budget where one is set', async () => {
    const auditor = await hub.as({ office: 'finance', role: 'AUDITOR', sub: `auditor-${randomUUID()}` });
    const { allowed } = await untilRefused(() => post(hub, auditor));
    expect(allowed).toBeGreaterThanOrEqual(1 + 2);
    // Fewer than the authenticated budget's 22 (each second that passes adds one).
    expect(allowed).toBeLessThan(2 + 20);
  });
});

describe('rate limits shared through Redis', () => {
  const REDIS_URL = 'redis://127.0.0.1:6379';
  const prefix = `hub-test:${randomUUID()}`;
  let redis: Redis;
  let one: RunningGateway;
  let two: RunningGateway;
  /** A second gateway process, as it were, over the hub's subgraphs and catalog, with a log of its own. */
  const gatewayWith = (rateLimits: Partial<RateLimitOptions>) =>
    startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
      catalog: hub.catalog,
      port: 0,
      host: '127.0.0.1',
      subgraphSecret: hub.subgraphSecret,
      jwtSecret: hub.jwtSecret,
      operationLogKey: randomBytes(32).toString('hex'),
      database: {},
      rateLimits,
    });
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    // Both gateways: one budget in Redis under this run's prefix; no trusted proxy, no CORS origin (the defaults).
    const rateLimits = {
      authenticated: { perSecond: 1, burst: 9 },
      anonymous: { perSecond: 1, burst: 9 },
      burstWindow: 120,
      redisUrl: REDIS_URL,
      keyPrefix: prefix,
    };
    [one, two] = await Promise.all([gatewayWith(rateLimits), gatewayWith(rateLimits)]);
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('lets two gateways share one budget per identity', async () => {
    const headers = bearer(await one.tokens.sign({ office: 'hr', role: 'OPERATOR', sub: `shared-${randomUUID()}` }));
    let turn = 0;
    const { allowed, body } = await untilRefused(() => post(turn++ % 2 ? two : one, headers), 40);
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // One budget of 1 + 9 (and one more each second), where two would have let 20 through before any 429.
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThan(20);
    // Both gateways refuse it now, and the budget lives in Redis.
    await refusedWithin(() => post(one, headers));
    await refusedWithin(() => post(two, headers));
    expect((await redis.keys(`${prefix}:*`)).length).toBeGreaterThan(0);
  });

  it('does not believe X-Forwarded-For without a trusted proxy', async () => {
    let n = 0;
    const { allowed } = await untilRefused(() => post(one, { 'x-forwarded-for': `192.0.2.${++n}` }), 40);
    expect(allowed).toBeLessThan(20);
  });

  it('allows no cross-origin call by default', async () => {
    const response = await fetch(one.url, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([403, null]);
  });
});

describe('CORS', () => {
  const preflight = (origin: string, headers = 'authorization, content-type, idempotency-key') =>
    fetch(hub.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });

  it('answers an allowed origin’s preflight 204 with the methods and headers a department app sends', async () => {
    const response = await preflight(ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(response.headers.get('access-control-allow-headers')?.split(/,\s*/)).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'x-hub-purpose',
        'x-hub-case-number',
        'idempotency-key',
        'x-request-id',
        'apollo-require-preflight',
      ]),
    );
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses another origin’s preflight without any CORS header', async () => {
    for (const origin of ['https://evil.example', 'https://app.hr.example.gov.cn.evil.example', 'http://app.hr.example.gov.cn']) {
      const response = await preflight(origin);
      expect([origin, response.status, response.headers.get('access-control-allow-origin'), response.headers.get('access-control-allow-methods')]).toEqual([
        origin,
        403,
        null,
        null,
      ]);
      expect(response.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it('marks an allowed origin’s answers (Retry-After readable), and another origin’s not', async () => {
    const allowed = await post(hub, { origin: ORIGIN });
    expect([allowed.status, allowed.headers.get('access-control-allow-origin'), allowed.headers.get('vary')]).toEqual([
      200,
      ORIGIN,
      expect.stringMatching(/Origin/),
    ]);
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
    const other = await post(hub, { origin: 'https://evil.example' });
    expect([other.status, other.headers.get('access-control-allow-origin'), other.headers.get('vary')]).toEqual([200, null, expect.stringMatching(/Origin/)]);
  });

  it('keeps Apollo’s CSRF prevention: a simple cross-site GET or form POST is refused, a JSON or preflighted one is not', async () => {
    const get = (headers: Record<string, string>) =>
      fetch(`${hub.url}?query=${encodeURIComponent(QUERY)}`, { headers: { origin: 'https://evil.example', ...headers } });
    const simplePost = (type: string) =>
      fetch(hub.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': type }, body: JSON.stringify({ query: QUERY }) });
    const recording = hub.record();
    const refused = [(await get({})).status, (await simplePost('text/plain')).status, (await simplePost('application/x-www-form-urlencoded')).status];
    expect(refused).toEqual([400, 400, 400]);
    expect(Object.values(requestCounts(recording.stop())).every((n) => n === 0)).toBe(true);
    expect((await get({ 'apollo-require-preflight': 'true' })).status).toBe(200);
    expect((await post(hub, { origin: ORIGIN })).status).toBe(200);
  });
});
