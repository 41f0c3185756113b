import { isIP } from 'node:net';
import { ConfigError, readEnv, ROLES, type Role, setting } from '@hub/schema';
import { parseDuration } from '../identity/duration.ts';
import { readJwksFile, type IdentityProvider } from '../identity/identityProvider.ts';
import { DEFAULT_TOKEN_OPTIONS, type TokenOptions } from '../identity/tokens.ts';
import type { CorsOptions } from './cors.ts';
import { DEFAULT_RATE_LIMITS, type RateBudget, type RateLimitOptions } from './rateLimit.ts';

/** Each entry of a comma-separated list, trimmed, blanks dropped. */
const listOf = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const seconds = (name: string, fallback: number, least: number) =>
  setting.custom((raw) => {
    if (raw === undefined) return fallback;
    const value = parseDuration(raw);
    if (value === undefined || value < least)
      throw new ConfigError(
        name,
        `"${raw}" 应为不少于 ${least} 秒的时长（如 60s、15m、12h）`,
        `"${raw}" should be a span of at least ${least} s (such as 60s, 15m, 12h)`,
      );
    return value;
  });

/** `20,100`: requests a second and the burst allowance. */
function budgetOf(name: string, raw: string): RateBudget {
  const match = /^\s*(\d{1,7})\s*,\s*(\d{1,7})\s*$/.exec(raw);
  if (!match || Number(match[1]) < 1)
    throw new ConfigError(
      name,
      `"${raw}" 应为 每秒次数,突发次数（如 20,100；每秒至少 1）`,
      `"${raw}" should be per-second,burst (such as 20,100; at least 1 a second)`,
    );
  return { perSecond: Number(match[1]), burst: Number(match[2]) };
}
const budget = (name: string, fallback: RateBudget) => setting.custom((raw) => (raw === undefined ? fallback : budgetOf(name, raw)));

/** `UNIT_OPERATOR=20,80;AUDITOR=5,20`: a role's own budget. */
function roleBudgets(raw: string | undefined): Partial<Record<Role, RateBudget>> {
  const budgets: Partial<Record<Role, RateBudget>> = {};
  for (const pair of (raw ?? '').split(';').filter((s) => s.trim())) {
    const [role, value] = pair.split('=').map((s) => s.trim());
    if (!ROLES.includes(role as Role) || value === undefined)
      throw new ConfigError('RATE_LIMIT_ROLES', `无法识别 "${pair}"（应为 角色=每秒,突发;…）`, `cannot read "${pair}" (expected ROLE=per-second,burst;…)`);
    budgets[role as Role] = budgetOf('RATE_LIMIT_ROLES', value);
  }
  return budgets;
}

const url = (name: string) =>
  setting.custom((raw) => {
    if (raw === undefined) return undefined;
    if (!URL.canParse(raw.trim())) throw new ConfigError(name, `"${raw}" 不是 URL`, `"${raw}" is not a URL`);
    return new URL(raw.trim());
  });

/** Addresses or CIDR ranges, IPv4 or IPv6. */
function proxies(raw: string | undefined): string[] {
  return listOf(raw).map((entry) => {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    const most = family === 6 ? 128 : 32;
    if (!family || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= most)))
      throw new ConfigError('TRUSTED_PROXIES', `"${entry}" 不是 IP 地址或网段`, `"${entry}" is not an IP address or CIDR range`);
    return entry;
  });
}

/** Exact origins (`https://host[:port]`), as a browser sends them. */
function origins(raw: string | undefined): string[] {
  return listOf(raw).map((entry) => {
    const parsed = URL.canParse(entry) ? new URL(entry) : undefined;
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== entry.replace(/\/$/, '').toLowerCase())
      throw new ConfigError(
        'CORS_ORIGINS',
        `"${entry}" 不是来源（应为 https://主机[:端口]，不含路径）`,
        `"${entry}" is not an origin (expected https://host[:port], no path)`,
      );
    return parsed.origin;
  });
}

/** The edge's variables (README, "Tokens, rate limits and CORS"). */
const EDGE_SETTINGS = {
  TOKEN_MAX_LIFETIME: seconds('TOKEN_MAX_LIFETIME', DEFAULT_TOKEN_OPTIONS.maxLifetime, 1),
  TOKEN_CLOCK_SKEW: seconds('TOKEN_CLOCK_SKEW', DEFAULT_TOKEN_OPTIONS.clockSkew, 0),
  JWT_JWKS_FILE: setting.text(),
  JWT_JWKS_URL: url('JWT_JWKS_URL'),
  JWT_ISSUER: setting.text(),
  JWT_AUDIENCE: setting.text(),
  RATE_LIMIT_ANONYMOUS: budget('RATE_LIMIT_ANONYMOUS', DEFAULT_RATE_LIMITS.anonymous),
  RATE_LIMIT_AUTHENTICATED: budget('RATE_LIMIT_AUTHENTICATED', DEFAULT_RATE_LIMITS.authenticated),
  RATE_LIMIT_ROLES: setting.custom(roleBudgets),
  RATE_LIMIT_BURST_WINDOW: setting.count(DEFAULT_RATE_LIMITS.burstWindow),
  RATE_LIMIT_KEY_PREFIX: setting.text(DEFAULT_RATE_LIMITS.keyPrefix),
  REDIS_URL: url('REDIS_URL'),
  TRUSTED_PROXIES: setting.custom(proxies),
  CORS_ORIGINS: setting.custom(origins),
};

/** The identity provider, when a JWKS is configured: its issuer and audience are then required. */
function identityProviderOf(s: ReturnType<typeof readEnv<typeof EDGE_SETTINGS>>): IdentityProvider | undefined {
  if (s.JWT_JWKS_FILE && s.JWT_JWKS_URL)
    throw new ConfigError('JWT_JWKS_URL', '只可设 JWT_JWKS_FILE 或 JWT_JWKS_URL 之一', 'set JWT_JWKS_FILE or JWT_JWKS_URL, not both');
  if (!s.JWT_JWKS_FILE && !s.JWT_JWKS_URL) {
    if (s.JWT_ISSUER || s.JWT_AUDIENCE)
      throw new ConfigError(
        'JWT_ISSUER',
        'JWT_ISSUER 与 JWT_AUDIENCE 须与 JWT_JWKS_FILE 或 JWT_JWKS_URL 同设',
        'JWT_ISSUER and JWT_AUDIENCE go with JWT_JWKS_FILE or JWT_JWKS_URL',
      );
    return undefined;
  }
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const)
    if (!s[name])
      throw new ConfigError(name, '设了 JWKS 就须设身份提供方的签发者与受众', "with a JWKS, the identity provider's issuer and audience are required");
  return { jwks: s.JWT_JWKS_URL ?? readJwksFile(s.JWT_JWKS_FILE!), issuer: s.JWT_ISSUER!, audience: s.JWT_AUDIENCE! };
}

/** The gateway's token rules, rate limits and CORS origins from the environment, each with its default. */
export function readEdgeConfig(env: Record<string, string | undefined>): { tokens: TokenOptions; rateLimits: RateLimitOptions; cors: CorsOptions } {
  const s = readEnv(EDGE_SETTINGS, env);
  return {
    tokens: { maxLifetime: s.TOKEN_MAX_LIFETIME, clockSkew: s.TOKEN_CLOCK_SKEW, identityProvider: identityProviderOf(s) },
    rateLimits: {
      anonymous: s.RATE_LIMIT_ANONYMOUS,
      authenticated: s.RATE_LIMIT_AUTHENTICATED,
      roles: s.RATE_LIMIT_ROLES,
      burstWindow: s.RATE_LIMIT_BURST_WINDOW,
      redisUrl: s.REDIS_URL?.toString(),
      keyPrefix: s.RATE_LIMIT_KEY_PREFIX,
      trustedProxies: s.TRUSTED_PROXIES,
    },
    cors: { origins: s.CORS_ORIGINS },
  };
}
