import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { ConfigError } from '@hub/schema';

/**
 * An identity provider of the government whose tokens the gateway accepts beside its own HS256 ones:
 * signed with RS256 or ES256 by a key of its JWKS, for this hub's audience, carrying the hub's claims
 * (`office`, `role`, `sub`, and `unit` for a unit operator). README, "Tokens, rate limits and CORS".
 */
export interface IdentityProvider {
  /** Its public keys: the JWKS document (JWT_JWKS_FILE, read at start) or its URL (JWT_JWKS_URL, fetched by jose and cached). */
  jwks: JSONWebKeySet | URL;
  /** The `iss` its tokens carry (JWT_ISSUER). */
  issuer: string;
  /** The `aud` its tokens carry for this hub (JWT_AUDIENCE). */
  audience: string;
}

/** The asymmetric algorithms accepted from a provider; HS256 stays the hub's own, so a public key can never serve as an HMAC secret. */
export const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

/**
 * The provider's key set as jose resolves it: a local set, or a remote one that jose fetches on first
 * use, keeps for 10 minutes, and fetches again at most every 30 s when a token names a key it lacks.
 */
export function providerKeys(jwks: IdentityProvider['jwks']): JWTVerifyGetKey {
  return jwks instanceof URL ? createRemoteJWKSet(jwks) : createLocalJWKSet(jwks);
}

/** JWT_JWKS_FILE: a JWKS document (`{ "keys": [...] }`) of public keys; anything else stops the start. */
export function readJwksFile(path: string): JSONWebKeySet {
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      'JWT_JWKS_FILE',
      `无法读取 JWKS 文件 ${path}（${(error as Error).message}）`,
      `cannot read the JWKS file ${path} (${(error as Error).message})`,
    );
  }
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null)) {
    throw new ConfigError('JWT_JWKS_FILE', `${path} 不是含密钥的 JWKS（{"keys": [...]}）`, `${path} is not a JWKS with keys ({"keys": [...]})`);
  }
  if (keys.some((k) => 'd' in k || (k as { kty?: unknown }).kty === 'oct')) {
    throw new ConfigError('JWT_JWKS_FILE', `${path} 含私钥或对称密钥，只应含公钥`, `${path} holds a private or symmetric key; it must hold public keys only`);
  }
  return jwks as JSONWebKeySet;
}
