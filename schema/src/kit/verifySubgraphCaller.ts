import { type ReceivedSubgraphRequest, verifySubgraphRequest } from './gatewayCredential.ts';
import type { ReplayCache } from './replayCache.ts';
import type { Viewer } from './roles.ts';
import { hasRouterSignature, verifyRouterRequest } from './routerCredential.ts';
import { HUB_ROUTE_PREFIX } from './subgraphRoutes.ts';

/**
 * Who vouches for a request to a subgraph: the hub gateway's RFC 9421 signature (Signature headers),
 * or, on GraphQL only, a standard router's HMAC signature in the body (routerCredential.ts). A
 * request with neither is refused as the gateway's credential missing.
 */
export async function verifySubgraphCaller(secret: string, subgraph: string, request: ReceivedSubgraphRequest, replays: ReplayCache): Promise<Viewer | null> {
  const signedByGateway = request.headers['signature-input'] !== undefined || request.headers.signature !== undefined;
  if (!signedByGateway && !request.path.startsWith(HUB_ROUTE_PREFIX) && hasRouterSignature(request.body)) {
    return verifyRouterRequest(secret, subgraph, request, replays);
  }
  return verifySubgraphRequest(secret, subgraph, request, replays);
}
