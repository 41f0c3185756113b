import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url, exportJWK, exportSPKI, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';
import { ConfigError } from '@hub/schema';
import { readJwksFile } from './identityProvider.ts';
import { createTokenService } from './tokens.ts';

const SECRET = 'a development secret of the hub, long enough';
const NOW = new Date('2026-11-20T02:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const HOUR = 3600;
const PROVIDER = { issuer: 'https://idp.example.gov.cn', audience: 'staffing-hub' };
const claims = { office: 'hr', role: 'OPERATOR' };

/** A token signed by hand (so any claim can be wrong), by default a good one of the hub itself. */
async function forge(
  payload: JWTPayload = {},
  { alg = 'HS256', key = new TextEncoder().encode(SECRET) as CryptoKey | Uint8Array, kid }: { alg?: string; key?: CryptoKey | Uint8Array; kid?: string } = {},
) {
  return new SignJWT({ ...claims, sub: 'hr-op', iss: 'staffing-hub', aud: 'staffing-hub-gateway', iat: T, exp: T + HOUR, ...payload })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .sign(key);
}
/** The refusal's reason, or 'ACCEPTED' with the viewer's office. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    const viewer = await promise;
    return typeof viewer === 'string' ? 'SIGNED' : `ACCEPTED ${(viewer as { office: string }).office}`;
  } catch (error) {
    const { code, reason, messageZh, messageEn } = (error as { extensions: Record<string, string> }).extensions;
    expect(messageZh && messageEn).toBeTruthy();
    return `${code} ${reason}`;
  }
}

let rsa: CryptoKeyPair;
let ec: CryptoKeyPair;
let jwks: JSONWebKeySet;
beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  jwks = {
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-2026', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-2026', alg: 'ES256', use: 'sig' },
    ],
  };
});

describe('the hub’s own HS256 tokens', () => {
  const tokens = createTokenService(SECRET, { now: () => NOW });

  it('accepts a token it signed, and signs on its own clock', async () => {
    const token = await tokens.sign({ office: 'finance', role: 'LEADER', sub: 'cz-lead' }, '8h');
    expect(await tokens.verify(token)).toEqual({ office: 'finance', role: 'LEADER', sub: 'cz-lead' });
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)));
    expect([payload.iat, payload.exp]).toEqual([T, T + 8 * HOUR]);
    // The same token an hour past its expiry, on a clock moved on.
    const later = createTokenService(SECRET, { now: () => new Date(NOW.getTime() + 9 * HOUR * 1000) });
    expect(await outcome(later.verify(token))).toBe('UNAUTHENTICATED TOKEN_EXPIRED');
  });

  it('refuses a token without exp or iat, one living longer than the maximum, one issued ahead, not yet valid or expired', async () => {
    const cases: [string, JWTPayload, string][] = [
      ['good', {}, 'ACCEPTED hr'],
      ['no exp', { exp: undefined }, 'TOKEN_NO_EXPIRY'],
      ['no iat', { iat: undefined }, 'TOKEN_NO_ISSUED_AT'],
      ['13 h lifetime', { exp: T + 13 * HOUR }, 'TOKEN_LIFETIME_TOO_LONG'],
      ['12 h lifetime', { exp: T + 12 * HOUR }, 'ACCEPTED hr'],
      ['issued 12 h ago, still valid for 1 h', { iat: T - 12 * HOUR, exp: T + HOUR }, 'TOKEN_LIFETIME_TOO_LONG'],
      ['iat a year ahead', { iat: T + 365 * 24 * HOUR, exp: T + 365 * 24 * HOUR + HOUR }, 'TOKEN_ISSUED_IN_FUTURE'],
      ['iat 30 s ahead (skew)', { iat: T + 30 }, 'ACCEPTED hr'],
      ['iat 2 min ahead', { iat: T + 120 }, 'TOKEN_ISSUED_IN_FUTURE'],
      ['nbf 10 min ahead', { nbf: T + 600 }, 'TOKEN_NOT_YET_VALID'],
      ['nbf 30 s ahead (skew)', { nbf: T + 30 }, 'ACCEPTED hr'],
      ['expired 2 min ago', { iat: T - HOUR, exp: T - 120 }, 'TOKEN_EXPIRED'],
      ['expired 30 s ago (skew)', { iat: T - HOUR, exp: T - 30 }, 'ACCEPTED hr'],
      ['wrong issuer', { iss: 'someone' }, 'TOKEN_INVALID'],
      ['wrong audience', { aud: 'another-app' }, 'TOKEN_INVALID'],
      ['unknown office', { office: 'police' }, 'UNKNOWN_OFFICE'],
    ];
    const results = [];
    // A claim set to undefined is left out of the token (JSON has no undefined).
    for (const [label, payload] of cases) results.push([label, (await outcome(tokens.verify(await forge(payload)))).replace('UNAUTHENTICATED ', '')]);
    expect(results).toEqual(cases.map(([label, , expected]) => [label, expected]));
  });

  it('refuses alg none, another key, garbage, and an RS256 token when no identity provider is configured', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const body = base64url.encode(JSON.stringify({ ...claims, sub: 'x', iss: 'staffing-hub', aud: 'staffing-hub-gateway', iat: T, exp: T + HOUR }));
    expect(await outcome(tokens.verify(`${header}.${body}.`))).toBe('UNAUTHENTICATED TOKEN_INVALID');
    expect(await outcome(tokens.verify(await forge({}, { key: new TextEncoder().encode('not the key') })))).toBe('UNAUTHENTICATED TOKEN_INVALID');
    expect(await outcome(tokens.verify('not.a.token'))).toBe('UNAUTHENTICATED TOKEN_INVALID');
    expect(await outcome(tokens.verify(await forge({}, { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-2026' })))).toBe('UNAUTHENTICATED TOKEN_INVALID');
  });

  it('signs no token living longer than the maximum (`pnpm run token --ttl`)', async () => {
    const short = createTokenService(SECRET, { now: () => NOW, maxLifetime: 2 * HOUR });
    expect(await outcome(short.sign({ office: 'hr', role: 'OPERATOR', sub: 'x' }, '3h'))).toBe('UNAUTHENTICATED TOKEN_LIFETIME_TOO_LONG');
    expect(await outcome(short.sign({ office: 'hr', role: 'OPERATOR', sub: 'x' }, 'forever'))).toBe('UNAUTHENTICATED TOKEN_INVALID');
    expect(await outcome(short.verify(await short.sign({ office: 'hr', role: 'OPERATOR', sub: 'x' }, '2h')))).toBe('ACCEPTED hr');
  });
});

describe('tokens of an identity provider, against its JWKS', () => {
  const provider = (keys: JSONWebKeySet | URL = jwks) => createTokenService(SECRET, { now: () => NOW, identityProvider: { jwks: keys, ...PROVIDER } });
  const fromProvider = (payload: JWTPayload = {}) => ({ iss: PROVIDER.issuer, aud: PROVIDER.audience, ...payload });

  it('accepts RS256 and ES256 tokens signed by its keys, with the hub’s claims checked as for its own', async () => {
    const tokens = provider();
    expect(await tokens.verify(await forge(fromProvider(), { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-2026' }))).toEqual({
      office: 'hr',
      role: 'OPERATOR',
      sub: 'hr-op',
    });
    expect(await outcome(tokens.verify(await forge(fromProvider(), { alg: 'ES256', key: ec.privateKey, kid: 'ec-2026' })))).toBe('ACCEPTED hr');
    // The hub's own tokens still work beside them.
    expect(await outcome(tokens.verify(await forge()))).toBe('ACCEPTED hr');
    expect(await outcome(tokens.verify(await forge(fromProvider({ role: 'UNIT_OPERATOR' }), { alg: 'ES256', key: ec.privateKey, kid: 'ec-2026' })))).toBe(
      'UNAUTHENTICATED UNIT_REQUIRED',
    );
  });

  it('refuses a wrong issuer or audience, a key id not in the set, another key under a known id, and the time rules alike', async () => {
    const tokens = provider();
    const rs = (payload: JWTPayload, kid = 'rsa-2026', key = rsa.privateKey) => forge(fromProvider(payload), { alg: 'RS256', key, kid });
    const other = await generateKeyPair('RS256');
    const results = {
      wrongIssuer: await outcome(tokens.verify(await rs({ iss: 'https://other-idp.example' }))),
      hubIssuer: await outcome(tokens.verify(await rs({ iss: 'staffing-hub', aud: 'staffing-hub-gateway' }))),
      wrongAudience: await outcome(tokens.verify(await rs({ aud: 'another-app' }))),
      unknownKid: await outcome(tokens.verify(await rs({}, 'rsa-2027', other.privateKey))),
      otherKeyKnownKid: await outcome(tokens.verify(await rs({}, 'rsa-2026', other.privateKey))),
      noExp: await outcome(tokens.verify(await rs({ exp: undefined }))),
      tooLong: await outcome(tokens.verify(await rs({ exp: T + 24 * HOUR }))),
      ahead: await outcome(tokens.verify(await rs({ iat: T + 365 * 24 * HOUR, exp: T + 365 * 24 * HOUR + HOUR }))),
    };
    expect(results).toEqual({
      wrongIssuer: 'UNAUTHENTICATED TOKEN_INVALID',
      hubIssuer: 'UNAUTHENTICATED TOKEN_INVALID',
      wrongAudience: 'UNAUTHENTICATED TOKEN_INVALID',
      unknownKid: 'UNAUTHENTICATED TOKEN_UNKNOWN_KEY',
      otherKeyKnownKid: 'UNAUTHENTICATED TOKEN_INVALID',
      noExp: 'UNAUTHENTICATED TOKEN_NO_EXPIRY',
      tooLong: 'UNAUTHENTICATED TOKEN_LIFETIME_TOO_LONG',
      ahead: 'UNAUTHENTICATED TOKEN_ISSUED_IN_FUTURE',
    });
  });

  it('refuses HS256 tokens whose secret is the provider’s public key (algorithm confusion)', async () => {
    const tokens = provider();
    const pem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const jwkText = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    for (const key of [pem, jwkText]) {
      for (const payload of [fromProvider(), {}]) {
        expect(await outcome(tokens.verify(await forge(payload, { alg: 'HS256', key, kid: 'rsa-2026' })))).toBe('UNAUTHENTICATED TOKEN_INVALID');
      }
    }
    // Nor another symmetric or unlisted algorithm under the provider's key id.
    expect(await outcome(tokens.verify(await forge(fromProvider(), { alg: 'HS512', key: pem, kid: 'rsa-2026' })))).toBe('UNAUTHENTICATED TOKEN_INVALID');
  });

  describe('from a URL (JWT_JWKS_URL)', () => {
    let fetches = 0;
    let served: JSONWebKeySet | null = null;
    const server = createServer((_req, res) => {
      fetches++;
      res.writeHead(served ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(served ?? {}));
    });
    let url: URL;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches the key set once and keeps it; while the provider cannot answer, tokens are refused as unverifiable', async () => {
      served = null;
      const down = provider(url);
      expect(await outcome(down.verify(await forge(fromProvider(), { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-2026' })))).toBe(
        'UNAUTHENTICATED TOKEN_KEYS_UNAVAILABLE',
      );
      served = jwks;
      fetches = 0;
      const tokens = provider(url);
      for (let i = 0; i < 5; i++) {
        expect(await outcome(tokens.verify(await forge(fromProvider({ jti: String(i) }), { alg: 'ES256', key: ec.privateKey, kid: 'ec-2026' })))).toBe(
          'ACCEPTED hr',
        );
      }
      expect(fetches).toBe(1);
    });
  });
});

describe('JWT_JWKS_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwks-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reads a set of public keys that verifies the provider’s tokens', async () => {
    const keys = readJwksFile(file('public.json', jwks));
    const tokens = createTokenService(SECRET, { now: () => NOW, identityProvider: { jwks: keys, ...PROVIDER } });
    const token = await forge({ iss: PROVIDER.issuer, aud: PROVIDER.audience }, { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-2026' });
    expect(await outcome(tokens.verify(token))).toBe('ACCEPTED hr');
  });

  it('refuses a missing or malformed file, and one holding a private or symmetric key', async () => {
    const privateJwk = { keys: [{ ...(await exportJWK(rsa.privateKey)), kid: 'rsa-2026' }] };
    const refusals = [
      join(dir, 'absent.json'),
      file('garbage.json', 'not json'),
      file('empty.json', { keys: [] }),
      file('private.json', privateJwk),
      file('oct.json', { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }),
    ].map((path) => {
      try {
        readJwksFile(path);
        return 'read';
      } catch (error) {
        return error instanceof ConfigError ? error.variable : String(error);
      }
    });
    expect(refusals).toEqual(Array(5).fill('JWT_JWKS_FILE'));
  });
});
