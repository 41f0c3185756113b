import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { ErrorCode, hubError, logError, readRequestBody } from '@hub/schema';
import { requestInfo } from './errors/requestInfo.ts';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

/** Reads a JSON body up to 1 MiB; anything larger is refused before it is parsed. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const bytes = await readRequestBody(req);
  const size = bytes.length;
  if (!size) return undefined;
  const text = bytes.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('request body is not valid JSON'), { status: 400 });
  }
}

/** A request refused before GraphQL reads it, answered in the GraphQL response shape with the HTTP status. */
function sendError(res: ServerResponse, status: number, code: ErrorCode, zh: string, en: string, extra: Record<string, unknown> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [hubError(code, null, zh, en, extra)] }));
}

/**
 * A plain node:http server: extra routes first, then GraphQL at /graphql (and /). Every answer
 * carries the request's id in X-Request-Id, the one the server's log keeps its errors under.
 */
export function createHttpServer<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  routes: Route[] = [],
): Server {
  return createServer(async (req, res) => {
    const { id: requestId } = requestInfo(req);
    res.setHeader('x-request-id', requestId);
    try {
      for (const route of routes) if (await route(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/graphql' && url.pathname !== '/') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('未找到 / not found');
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const request: HTTPGraphQLRequest = { method: req.method!.toUpperCase(), headers, search: url.search, body: await readBody(req) };
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req) });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        // Encoded once: given a string, Node scans it for Content-Length and encodes it again for the socket.
        res.end(Buffer.from(response.body.string));
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 413) return sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, '请求体超过 1 MiB', 'the request body is larger than 1 MiB');
      if (status === 400) return sendError(res, 400, ErrorCode.BAD_REQUEST, '请求体不是有效的 JSON', 'the request body is not valid JSON');
      logError({ source: `gateway: request ${requestId} failed` }, error);
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, '网关内部错误', 'internal gateway error', { requestId });
      else res.end();
    }
  });
}
