import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, hubError } from '@hub/schema';

export interface CorsOptions {
  /** Origins whose browser apps may call the hub (CORS_ORIGINS: `https://app.example.gov.cn`, …); none by default. */
  origins: readonly string[];
}

/** The request headers a department app sends: its token, JSON, the hub's purpose and case headers, retries and tracing, and Apollo's CSRF header. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-hub-purpose',
  'x-hub-case-number',
  'idempotency-key',
  'x-request-id',
  'apollo-require-preflight',
];
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What a browser app may read of an answer beyond the simple headers: when to retry, and the id to quote. */
const EXPOSED_HEADERS = 'retry-after, x-request-id';

/**
 * Cross-origin access for the listed origins only. Every answer varies by Origin; an allowed origin's
 * answers carry Access-Control-Allow-Origin, and its preflight (OPTIONS) is answered 204 with the
 * methods and headers above; another origin's preflight gets 403 and no CORS header, so its browser
 * sends nothing. No credentials mode: tokens travel in Authorization, never in cookies. Apollo Server's
 * CSRF prevention stays on beside this: a cross-site "simple" request still needs a JSON content type
 * or apollo-require-preflight, which forces a preflight this check answers.
 */
export function corsCheck(options: CorsOptions) {
  const allowed = new Set(options.origins);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    res.setHeader('vary', 'Origin');
    const origin = req.headers.origin;
    const isPreflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (origin === undefined || !allowed.has(origin)) {
      if (!isPreflight) return false;
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
      const error = hubError(ErrorCode.FORBIDDEN, null, `来源 ${origin} 不在允许跨域访问的名单中`, `the origin ${origin} may not call the hub from a browser`, {
        reason: 'ORIGIN_NOT_ALLOWED',
      });
      res.end(JSON.stringify({ errors: [error] }));
      return true;
    }
    res.setHeader('access-control-allow-origin', origin);
    if (!isPreflight) {
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      return false;
    }
    res.writeHead(204, {
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    res.end();
    return true;
  };
}
