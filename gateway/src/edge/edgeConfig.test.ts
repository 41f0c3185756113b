import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/schema';
import { DEFAULT_TOKEN_OPTIONS } from '../identity/tokens.ts';
import { readEdgeConfig } from './edgeConfig.ts';
import { DEFAULT_RATE_LIMITS } from './rateLimit.ts';

const refusal = (env: Record<string, string | undefined>) => {
  try {
    readEdgeConfig(env);
    return 'read';
  } catch (error) {
    return error instanceof ConfigError ? error.variable : String(error);
  }
};

describe('the edge’s settings', () => {
  it('default to a 12 h lifetime, 60 s skew, no identity provider, the documented budgets in memory and no CORS origin', () => {
    expect(readEdgeConfig({})).toEqual({
      tokens: { maxLifetime: 12 * 3600, clockSkew: 60, identityProvider: undefined },
      rateLimits: { ...DEFAULT_RATE_LIMITS, redisUrl: undefined },
      cors: { origins: [] },
    });
    expect(DEFAULT_TOKEN_OPTIONS).toEqual({ maxLifetime: 43_200, clockSkew: 60 });
  });

  it('reads each variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-'));
    const jwks = join(dir, 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' }] }));
    const config = readEdgeConfig({
      TOKEN_MAX_LIFETIME: '2h',
      TOKEN_CLOCK_SKEW: '0',
      JWT_JWKS_FILE: jwks,
      JWT_ISSUER: 'https://idp.example',
      JWT_AUDIENCE: 'hub',
      RATE_LIMIT_ANONYMOUS: '5,10',
      RATE_LIMIT_AUTHENTICATED: '100, 0',
      RATE_LIMIT_ROLES: 'UNIT_OPERATOR=20,80; AUDITOR=5,20',
      RATE_LIMIT_BURST_WINDOW: '30',
      RATE_LIMIT_KEY_PREFIX: 'city:rate',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1, ::1',
      CORS_ORIGINS: 'https://app.hr.example.gov.cn, http://localhost:5173',
    });
    expect(config).toEqual({
      tokens: {
        maxLifetime: 7200,
        clockSkew: 0,
        identityProvider: { jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' }] }, issuer: 'https://idp.example', audience: 'hub' },
      },
      rateLimits: {
        anonymous: { perSecond: 5, burst: 10 },
        authenticated: { perSecond: 100, burst: 0 },
        roles: { UNIT_OPERATOR: { perSecond: 20, burst: 80 }, AUDITOR: { perSecond: 5, burst: 20 } },
        burstWindow: 30,
        keyPrefix: 'city:rate',
        redisUrl: 'redis://127.0.0.1:6379/2',
        trustedProxies: ['10.0.0.0/8', '127.0.0.1', '::1'],
      },
      cors: { origins: ['https://app.hr.example.gov.cn', 'http://localhost:5173'] },
    });
    expect(readEdgeConfig({ JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }).tokens.identityProvider?.jwks).toEqual(
      new URL('https://idp.example/jwks.json'),
    );
  });

  it('refuses a bad value, naming its variable', () => {
    expect(
      [
        { TOKEN_MAX_LIFETIME: 'forever' },
        { TOKEN_MAX_LIFETIME: '0' },
        { TOKEN_CLOCK_SKEW: '-5s' },
        { JWT_JWKS_URL: 'not a url', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
        { JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_AUDIENCE: 'a' },
        { JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'i' },
        { JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
        { JWT_JWKS_FILE: '/nonexistent/jwks.json', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
        { RATE_LIMIT_ANONYMOUS: '10' },
        { RATE_LIMIT_AUTHENTICATED: '0,10' },
        { RATE_LIMIT_ROLES: 'ADMIN=1,1' },
        { RATE_LIMIT_ROLES: 'LEADER' },
        { TRUSTED_PROXIES: 'proxy.example' },
        { TRUSTED_PROXIES: '10.0.0.0/33' },
        { CORS_ORIGINS: '*' },
        { CORS_ORIGINS: 'https://app.example/path' },
        { REDIS_URL: 'localhost 6379' },
      ].map(refusal),
    ).toEqual([
      'TOKEN_MAX_LIFETIME',
      'TOKEN_MAX_LIFETIME',
      'TOKEN_CLOCK_SKEW',
      'JWT_JWKS_URL',
      'JWT_ISSUER',
      'JWT_AUDIENCE',
      'JWT_ISSUER',
      'JWT_JWKS_FILE',
      'RATE_LIMIT_ANONYMOUS',
      'RATE_LIMIT_AUTHENTICATED',
      'RATE_LIMIT_ROLES',
      'RATE_LIMIT_ROLES',
      'TRUSTED_PROXIES',
      'TRUSTED_PROXIES',
      'CORS_ORIGINS',
      'CORS_ORIGINS',
      'REDIS_URL',
    ]);
  });
});
