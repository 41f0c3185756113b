import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ErrorCode, hubError } from './errors.ts';
import { isOffice, isRole, type Viewer } from './roles.ts';

export type { Viewer };

/** The header that carries the gateway's credential; a client's own headers never reach a subgraph as identity. */
export const CREDENTIAL_HEADER = 'x-hub-gateway-credential';
const ISSUER = 'staffing-hub-gateway';

const keys = new Map<string, Uint8Array>();

/**
 * Each subgraph has its own key, derived from the shared secret, so one subgraph's key opens no other.
 * Derived once per (secret, subgraph): signing and checking run on every subgraph request.
 */
function subgraphKey(secret: string, subgraph: string): Uint8Array {
  const id = `${subgraph}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = createHmac('sha256', secret).update(`subgraph:${subgraph}`).digest();
    keys.set(id, key);
  }
  return key;
}

/** A short-lived credential for one request to one subgraph, signed by the gateway. */
export async function signGatewayCredential(secret: string, subgraph: string, viewer: Viewer | null): Promise<string> {
  return new SignJWT({ viewer })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(subgraph)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(subgraphKey(secret, subgraph));
}

/** A request the subgraph will not answer: 401, since only the gateway's credential opens it. */
const unauthenticated = (zh: string, en: string) => hubError(ErrorCode.UNAUTHENTICATED, null, zh, en, { http: { status: 401 } });

/**
 * Checks the gateway's credential on every request to a subgraph (`_entities` and `_service`
 * included) and returns the viewer it vouches for; anything else is refused with 401.
 */
export async function verifyGatewayCredential(secret: string, subgraph: string, header: string | string[] | undefined): Promise<Viewer | null> {
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) throw unauthenticated('子图只接受来自网关的请求', 'this subgraph answers only the gateway');
  let payload: JWTPayload;
  try {
    payload = (await jwtVerify(token, subgraphKey(secret, subgraph), { issuer: ISSUER, audience: subgraph, algorithms: ['HS256'] })).payload;
  } catch {
    throw unauthenticated('网关凭据无效或已过期', 'the gateway credential is not valid or has expired');
  }
  const viewer = payload.viewer as Partial<Viewer> | null | undefined;
  if (!viewer) return null;
  // The gateway signs only viewers it built itself: an unknown office or role means mismatched
  // versions, refused rather than read as anonymous.
  if (!isOffice(viewer.office) || !isRole(viewer.role) || !viewer.sub)
    throw unauthenticated('凭证中的身份无法识别', 'the credential names an unknown office or role');
  return { office: viewer.office, role: viewer.role, sub: viewer.sub, ...(viewer.unit ? { unit: viewer.unit } : {}) };
}
