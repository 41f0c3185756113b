import type { ServerResponse } from 'node:http';

/**
 * The workbench's policy: scripts, styles and data only from this gateway ('self'), nothing inline,
 * nothing from elsewhere; ECharts draws on canvas (img-src data: lets a chart be saved as a picture).
 */
export const WORKBENCH_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Writes one workbench file (the shell, a script, the stylesheet); a HEAD request gets the headers only. */
export function sendAsset(res: ServerResponse, method: string, status: number, type: string, body: Buffer | string, cache: 'no-store' | 'no-cache'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(bytes.length),
    'cache-control': cache,
    'content-security-policy': WORKBENCH_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  });
  res.end(method === 'HEAD' ? undefined : bytes);
}
