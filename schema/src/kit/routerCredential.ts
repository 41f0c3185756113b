import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ErrorCode, hubError } from './errors.ts';
import {
  CREDENTIAL_CLOCK_SKEW_SECONDS,
  CREDENTIAL_LIFETIME_SECONDS,
  type CredentialRefusal,
  decodeViewer,
  encodeViewer,
  type ReceivedSubgraphRequest,
} from './gatewayCredential.ts';
import type { ReplayCache } from './replayCache.ts';
import type { Viewer } from './roles.ts';

/**
 * The credential a standard router in front of the subgraphs produces (README, "Putting a standard
 * router in front"): Hive Gateway's `useHmacUpstreamSignature` (the `hmac-upstream-signature`
 * plugin), an HMAC-SHA256 of the upstream GraphQL request in its `extensions["hmac-signature"]`,
 * here over the query, operation name, variables and the viewer claim the hub's policy plugin puts
 * in `extensions.hubViewer`: who the viewer is (as the policy decision authenticated it), when the
 * claim was made and a nonce. So, as with the hub gateway's own RFC 9421 signature, another body or
 * viewer breaks it, a late one has expired and a replayed one is refused by its nonce.
 */

/** The extension Hive's plugin writes its signature to (its default name). */
export const ROUTER_SIGNATURE_EXTENSION = 'hmac-signature';
/** The extension the policy plugin writes the viewer claim to, covered by the signature. */
export const ROUTER_VIEWER_EXTENSION = 'hubViewer';

/** The viewer claim: `viewer` encoded as the gateway's viewer header, `created` in seconds since the epoch. */
export interface RouterViewerClaim {
  viewer: string;
  created: number;
  nonce: string;
}

/**
 * The router's key for one subgraph, derived from the shared subgraph secret under its own label (so
 * it opens no other subgraph, and is not the hub gateway's key): Hive's plugin takes it as its secret.
 */
export function routerKey(secret: string, subgraph: string): string {
  return createHmac('sha256', secret).update(`router:${subgraph}`).digest('base64url');
}

/** A fresh claim for one upstream request. */
export function routerViewerClaim(viewer: Viewer | null, now = new Date()): RouterViewerClaim {
  return { viewer: encodeViewer(viewer), created: Math.floor(now.getTime() / 1000), nonce: randomBytes(16).toString('base64url') };
}

/** What the router signs and the subgraph checks: the RFC 8785 canonical JSON of the parts that decide what runs and for whom. */
export function routerSignedText(request: { query: unknown; operationName?: unknown; variables?: unknown; claim: unknown }): string {
  const variables = request.variables && typeof request.variables === 'object' && Object.keys(request.variables).length > 0 ? request.variables : null;
  return (
    canonicalize({ query: request.query, operationName: request.operationName ?? null, variables, [ROUTER_VIEWER_EXTENSION]: request.claim ?? null }) ?? ''
  );
}

/** Hive's signature over a text: base64 of HMAC-SHA256 keyed by the UTF-8 bytes of `key` (WebCrypto's raw import, as the plugin does). */
export function routerSignature(key: string, text: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(text).digest('base64');
}

/** Whether a GraphQL body carries a router's signature (then `verifyRouterRequest` judges it). */
export function hasRouterSignature(body: Uint8Array): boolean {
  // A cheap look before parsing: the extension's name must appear in the bytes.
  if (!Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(ROUTER_SIGNATURE_EXTENSION)) return false;
  const parsed = parseBody(body);
  return typeof parsed?.extensions === 'object' && parsed.extensions !== null && ROUTER_SIGNATURE_EXTENSION in parsed.extensions;
}

const refuse = (reason: CredentialRefusal, zh: string, en: string) => hubError(ErrorCode.UNAUTHENTICATED, null, zh, en, { reason, http: { status: 401 } });
const invalid = (zh: string, en: string) => refuse('CREDENTIAL_INVALID', zh, en);

/** A GraphQL request body, as far as the credential reads it. */
interface RouterBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: Record<string, unknown> | null;
}

function parseBody(body: Uint8Array): RouterBody | null {
  try {
    const value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Checks a router's HMAC signature on a GraphQL request to a subgraph and returns the viewer its
 * claim names; refuses with 401 and a reason: no claim, a signature other than the router's key for
 * this subgraph over this query, operation name, variables and claim, a claim created in the future
 * or older than its lifetime, a nonce already accepted. GraphQL only: the hub's own endpoints
 * (messages, imports) answer the hub gateway's signature alone.
 */
export function verifyRouterRequest(secret: string, subgraph: string, request: ReceivedSubgraphRequest, replays: ReplayCache, now = Date.now()): Viewer | null {
  const body = parseBody(request.body);
  const signature = body?.extensions?.[ROUTER_SIGNATURE_EXTENSION];
  const claim = body?.extensions?.[ROUTER_VIEWER_EXTENSION] as Partial<RouterViewerClaim> | undefined;
  if (typeof signature !== 'string' || signature.length > 200) throw invalid('路由器签名无法读取', 'the router signature cannot be read');
  if (
    !claim ||
    typeof claim.viewer !== 'string' ||
    !Number.isInteger(claim.created) ||
    typeof claim.nonce !== 'string' ||
    claim.nonce.length < 16 ||
    claim.nonce.length > 128
  )
    throw invalid('路由器请求缺少身份声明', `the router request lacks its viewer claim (extensions.${ROUTER_VIEWER_EXTENSION})`);

  const { query, operationName, variables } = body ?? {};
  const expected = Buffer.from(routerSignature(routerKey(secret, subgraph), routerSignedText({ query, operationName, variables, claim })), 'base64');
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('路由器签名无效', 'the router signature is not valid');

  const seconds = now / 1000;
  const created = claim.created as number;
  if (created > seconds + CREDENTIAL_CLOCK_SKEW_SECONDS) throw invalid('路由器签名的创建时间在未来', 'the router signature is created in the future');
  if (seconds - created > CREDENTIAL_LIFETIME_SECONDS + CREDENTIAL_CLOCK_SKEW_SECONDS)
    throw refuse('CREDENTIAL_EXPIRED', '路由器签名已过期', 'the router signature has expired');
  const viewer = decodeViewer(claim.viewer);
  const kept = replays.claim(`router:${claim.nonce}`, (created + CREDENTIAL_LIFETIME_SECONDS + CREDENTIAL_CLOCK_SKEW_SECONDS + 1) * 1000, now);
  if (kept === 'SEEN') throw refuse('CREDENTIAL_REPLAYED', '该路由器签名已被使用过', 'this router signature has already been used');
  if (kept === 'FULL')
    throw hubError(ErrorCode.INTERNAL_SERVER_ERROR, null, '子图繁忙，请稍后重试', 'the subgraph is busy; try again shortly', {
      reason: 'REPLAY_CACHE_FULL',
      http: { status: 503 },
    });
  return viewer;
}
