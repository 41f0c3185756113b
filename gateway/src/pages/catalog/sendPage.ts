import type { ServerResponse } from 'node:http';

/**
 * Page headers: never cached (grants and requests change), and a policy that allows the inline
 * stylesheet and nothing else, so even a value that escaped escaping could not run or load anything.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** Writes a page; a HEAD request gets the same headers and no body. */
export function sendPage(res: ServerResponse, method: string, status: number, page: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(page, 'utf8');
  res.writeHead(status, { ...HEADERS, 'content-length': String(body.length), ...extra });
  res.end(method === 'HEAD' ? undefined : body);
}
