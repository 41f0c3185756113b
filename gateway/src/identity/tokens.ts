import { decodeProtectedHeader, errors as joseErrors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { GraphQLError } from 'graphql';
import { ErrorCode, hubError, logger, parseCreditCode } from '@hub/schema';
import { OFFICES, ROLES, type Office, type Role, type Viewer } from '@hub/schema';
import { parseDuration } from './duration.ts';
import { type IdentityProvider, PROVIDER_ALGORITHMS, providerKeys } from './identityProvider.ts';

const ISSUER = 'staffing-hub';
const AUDIENCE = 'staffing-hub-gateway';

/** What is wrong with a refused token: the error's `extensions.reason`, and the code the operation log keeps. */
export type TokenRefusal =
  | 'TOKEN_MISSING'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOKEN_NO_EXPIRY'
  | 'TOKEN_NO_ISSUED_AT'
  | 'TOKEN_LIFETIME_TOO_LONG'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_ISSUED_IN_FUTURE'
  | 'TOKEN_UNKNOWN_KEY'
  | 'TOKEN_KEYS_UNAVAILABLE'
  | 'UNKNOWN_OFFICE'
  | 'UNKNOWN_ROLE'
  | 'UNIT_REQUIRED';

/** A refused token: UNAUTHENTICATED, which the gateway answers with 401 before anything runs. */
export const refuseToken = (reason: TokenRefusal, zh: string, en: string): GraphQLError =>
  hubError(ErrorCode.UNAUTHENTICATED, null, zh, en, { reason, http: { status: 401 } });

export function checkViewer(claims: { office?: unknown; role?: unknown; sub?: unknown; unit?: unknown }): Viewer {
  if (!OFFICES.includes(claims.office as Office)) {
    throw refuseToken(
      'UNKNOWN_OFFICE',
      `未知的部门：${String(claims.office)}（应为 ${OFFICES.join('、')}）`,
      `unknown office "${String(claims.office)}" (expected one of ${OFFICES.join(', ')})`,
    );
  }
  if (!ROLES.includes(claims.role as Role)) {
    throw refuseToken(
      'UNKNOWN_ROLE',
      `未知的角色：${String(claims.role)}（应为 ${ROLES.join('、')}）`,
      `unknown role "${String(claims.role)}" (expected one of ${ROLES.join(', ')})`,
    );
  }
  if (typeof claims.sub !== 'string' || !claims.sub) throw refuseToken('TOKEN_INVALID', '令牌缺少主体（sub）', 'the token names no subject (sub)');
  const viewer: Viewer = { office: claims.office as Office, role: claims.role as Role, sub: claims.sub };
  if (viewer.role === 'UNIT_OPERATOR') {
    const unit = typeof claims.unit === 'string' ? parseCreditCode(claims.unit) : 'FORMAT';
    if (typeof unit === 'string')
      throw refuseToken(
        'UNIT_REQUIRED',
        '用人单位填报员的令牌须含有效的单位统一社会信用代码（unit）',
        "a UNIT_OPERATOR's token must carry its unit's valid credit code (unit)",
      );
    viewer.unit = unit.creditCode;
  }
  return viewer;
}

export interface TokenOptions {
  /** Longest a token may live, `exp − iat`, in seconds (TOKEN_MAX_LIFETIME; default 12 h). */
  maxLifetime?: number;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`, in seconds (TOKEN_CLOCK_SKEW; default 60). */
  clockSkew?: number;
  /** A government identity provider whose RS256/ES256 tokens are accepted too (JWT_JWKS_FILE or JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
  identityProvider?: IdentityProvider | undefined;
}

export const DEFAULT_TOKEN_OPTIONS = { maxLifetime: 12 * 3600, clockSkew: 60 } as const;

const hours = (seconds: number) => `${Math.round((seconds / 3600) * 100) / 100} h`;

/** A jose refusal as the hub's coded, bilingual one. */
function refusalOf(error: unknown, maxLifetime: number, fromProvider: boolean): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof joseErrors.JWTExpired) {
    // jose's maxTokenAge: issued longer ago than any token may live.
    if (error.claim === 'iat') return lifetimeTooLong(maxLifetime);
    return refuseToken('TOKEN_EXPIRED', '令牌已过期，请重新获取', 'the token has expired; get a new one');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'exp' && error.reason === 'missing') return refuseToken('TOKEN_NO_EXPIRY', '令牌缺少过期时间（exp）', 'the token has no expiry (exp)');
    if (error.claim === 'iat' && error.reason === 'missing')
      return refuseToken('TOKEN_NO_ISSUED_AT', '令牌缺少签发时间（iat）', 'the token has no issue time (iat)');
    if (error.claim === 'iat' && error.reason === 'check_failed')
      return refuseToken('TOKEN_ISSUED_IN_FUTURE', '令牌的签发时间（iat）晚于当前时间', 'the token is issued in the future (iat)');
    if (error.claim === 'nbf' && error.reason === 'check_failed')
      return refuseToken('TOKEN_NOT_YET_VALID', '令牌尚未生效（nbf）', 'the token is not valid yet (nbf)');
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return refuseToken('TOKEN_UNKNOWN_KEY', '令牌的签名密钥不在身份提供方的公钥集中', "the token's signing key is not in the identity provider's key set");
  // The provider's key set could not be fetched or read (jose's generic error is its "not 200 OK"): not the caller's fault.
  const keysUnreadable =
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    !(error instanceof joseErrors.JOSEError) ||
    error.code === joseErrors.JOSEError.code;
  if (fromProvider && keysUnreadable) {
    logger.error({ source: 'gateway: tokens' }, `the identity provider’s keys could not be read: ${(error as Error).message}`);
    return refuseToken(
      'TOKEN_KEYS_UNAVAILABLE',
      '暂时无法取得身份提供方的公钥，请稍后重试',
      "the identity provider's keys cannot be fetched now; try again later",
    );
  }
  return invalidToken();
}

const invalidToken = () =>
  refuseToken('TOKEN_INVALID', '令牌无效（签名、算法、签发者、受众或格式不符）', 'the token is not valid (signature, algorithm, issuer, audience or format)');

const lifetimeTooLong = (maxLifetime: number) =>
  refuseToken(
    'TOKEN_LIFETIME_TOO_LONG',
    `令牌有效期（exp − iat）超过上限 ${hours(maxLifetime)}`,
    `the token lives longer (exp − iat) than the maximum of ${hours(maxLifetime)}`,
  );

/**
 * Signs the hub's bearer tokens (HS256 with a key from configuration) and verifies them, and those of
 * a configured identity provider (RS256/ES256 against its JWKS), on the gateway's clock: `exp` and
 * `iat` required, `exp − iat` at most `maxLifetime`, `iat` not ahead and `nbf` not ahead of now by more
 * than `clockSkew`, then the claims office, role, sub and unit checked alike (`checkViewer`).
 */
/** How long a verified token is taken as verified without checking it again: a provider's key rotated out stops it within this. */
const VERIFIED_FOR_MS = 60_000;
/** Verified tokens kept at most; past it the cache starts again. */
const MAX_VERIFIED = 10_000;

export function createTokenService(secret: string, options: TokenOptions & { now?: () => Date } = {}) {
  const key = new TextEncoder().encode(secret);
  const now = options.now ?? (() => new Date());
  const maxLifetime = options.maxLifetime ?? DEFAULT_TOKEN_OPTIONS.maxLifetime;
  const clockSkew = options.clockSkew ?? DEFAULT_TOKEN_OPTIONS.clockSkew;
  const provider = options.identityProvider;
  const providerKey: JWTVerifyGetKey | undefined = provider && providerKeys(provider.jwks);
  const timing = () => ({ currentDate: now(), clockTolerance: clockSkew, maxTokenAge: maxLifetime, requiredClaims: ['exp', 'iat'] });

  /** Tokens verified, each with its viewer, until it expires or VERIFIED_FOR_MS pass (every request carries one). */
  const verified = new Map<string, { viewer: Viewer; until: number }>();
  const checkLifetime = (payload: JWTPayload) => {
    if (payload.exp! - payload.iat! > maxLifetime) throw lifetimeTooLong(maxLifetime);
    return payload;
  };
  return {
    /** The longest lifetime a token may have, in seconds. */
    maxLifetime,
    /** A token for `viewer`, issued now on the gateway's clock; `ttl` as `parseDuration` reads it, at most `maxLifetime`. */
    async sign(viewer: Viewer, ttl: string = '8h'): Promise<string> {
      const checked = checkViewer(viewer);
      const seconds = parseDuration(ttl);
      if (seconds === undefined)
        throw refuseToken('TOKEN_INVALID', `无法识别有效期 "${ttl}"（如 90s、15m、8h、1d）`, `cannot read the lifetime "${ttl}" (such as 90s, 15m, 8h, 1d)`);
      if (seconds > maxLifetime) throw lifetimeTooLong(maxLifetime);
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT({ office: checked.office, role: checked.role, ...(checked.unit ? { unit: checked.unit } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(checked.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + seconds)
        .sign(key);
    },
    async verify(token: string): Promise<Viewer> {
      // A token already verified is not verified again until it expires (at most VERIFIED_FOR_MS later).
      const known = verified.get(token);
      if (known && now().getTime() < known.until) return known.viewer;
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw invalidToken();
      }
      // The header only picks the path; each path then admits its own algorithms and nothing else,
      // so a token "HS256-signed" with a provider's public key meets the hub's secret and fails.
      const fromProvider = alg !== 'HS256' && provider !== undefined && providerKey !== undefined;
      try {
        const { payload } = fromProvider
          ? await jwtVerify(token, providerKey!, { issuer: provider!.issuer, audience: provider!.audience, algorithms: PROVIDER_ALGORITHMS, ...timing() })
          : await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], ...timing() });
        const viewer = checkViewer(checkLifetime(payload));
        if (verified.size >= MAX_VERIFIED) verified.clear();
        verified.set(token, { viewer, until: Math.min(payload.exp! * 1000, now().getTime() + VERIFIED_FOR_MS) });
        return viewer;
      } catch (error) {
        throw refusalOf(error, maxLifetime, fromProvider);
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
