import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode, hubError } from './errors.ts';

/**
 * Paths under which a subgraph serves the hub's own non-GraphQL endpoints (office messages, spreadsheet
 * imports) beside its GraphQL endpoint. They are authenticated exactly as GraphQL is (the gateway's
 * signature over method, path, body digest and viewer), and only the gateway calls them: it forwards
 * no client request to a path it did not build itself.
 */
export const HUB_ROUTE_PREFIX = '/_hub/';

export interface SubgraphRouteRequest<TCaller> {
  /** Who the gateway vouches for. */
  caller: TCaller;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The exact bytes received (already checked against the signed digest). */
  body: Buffer;
}

export interface SubgraphRouteResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

export interface SubgraphRoute<TCaller = unknown> {
  /** The exact path, starting with HUB_ROUTE_PREFIX. */
  path: string;
  /** The largest body this route reads (1 MiB when unset). */
  maxBodyBytes?: number;
  handle(request: SubgraphRouteRequest<TCaller>): Promise<SubgraphRouteResponse>;
}

/** A JSON answer. */
export const jsonResponse = (status: number, value: unknown): SubgraphRouteResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

/** A route's JSON body, or a 400 in both languages. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw hubError(ErrorCode.BAD_REQUEST, null, '请求体不是有效的 JSON', 'the request body is not valid JSON', { http: { status: 400 } });
  }
}
