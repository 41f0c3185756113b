import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { GraphQLError } from 'graphql';
import { ErrorCode, hubError, parseCreditCode } from '@hub/schema';
import { OFFICES, ROLES, type Office, type Role, type Viewer } from '@hub/schema';

const ISSUER = 'staffing-hub';
const AUDIENCE = 'staffing-hub-gateway';

/** What is wrong with a refused token: the error's `extensions.reason`, and the code the operation log keeps. */
export type TokenRefusal = 'TOKEN_MISSING' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'UNKNOWN_OFFICE' | 'UNKNOWN_ROLE' | 'UNIT_REQUIRED';

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

/** Signs and verifies the hub's bearer tokens (HS256 with a key from configuration). */
export function createTokenService(secret: string) {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(viewer: Viewer, ttl: string = '8h'): Promise<string> {
      const checked = checkViewer(viewer);
      return new SignJWT({ office: checked.office, role: checked.role, ...(checked.unit ? { unit: checked.unit } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(checked.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(ttl)
        .sign(key);
    },
    async verify(token: string): Promise<Viewer> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        return checkViewer(payload);
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw refuseToken('TOKEN_EXPIRED', '令牌已过期，请重新获取', 'the token has expired; get a new one');
        throw refuseToken('TOKEN_INVALID', '令牌无效（签名、签发者或格式不符）', 'the token is not valid (signature, issuer or format)');
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
