import { encodeViewer, signSubgraphRequest, type Viewer, VIEWER_HEADER } from '@hub/schema';
import type { ServiceName } from '@hub/schema/contracts';

export interface SubgraphRouteAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface PostOptions {
  viewer: Viewer | null;
  contentType?: string;
  timeoutMs: number;
}

/**
 * POSTs to one of a subgraph's own endpoints (HUB_ROUTE_PREFIX), signed as every subgraph request is
 * (README, "How the gateway vouches for a request"). `baseUrl` is the subgraph's GraphQL URL; the path
 * replaces its path.
 */
export async function postToSubgraph(
  secret: string,
  subgraph: ServiceName,
  baseUrl: string,
  path: string,
  body: string | Uint8Array,
  options: PostOptions,
): Promise<SubgraphRouteAnswer> {
  const url = new URL(path, baseUrl).toString();
  const headers = await signSubgraphRequest(secret, subgraph, {
    method: 'POST',
    url,
    headers: { 'content-type': options.contentType ?? 'application/json', [VIEWER_HEADER]: encodeViewer(options.viewer) },
    body,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: body as string | Uint8Array<ArrayBuffer>,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}
