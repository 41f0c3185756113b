import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadinessReport } from './readiness.ts';

/** The paths a load balancer or orchestrator probes, the same on the gateway and on every subgraph. */
export const PROBE_PATHS = { health: '/health', ready: '/ready' } as const;

const NOT_READY = {
  zh: '服务暂不可用：有依赖未就绪（见 checks）',
  en: 'not ready: a dependency is not available (see checks)',
};

/**
 * Answers GET (or HEAD) /health and /ready, and returns true; anything else returns false for the
 * server's other routes. /health says the process is alive and touches nothing. /ready runs the
 * service's readiness: 200 with every check "ok", else 503 with each check's reason and a message
 * in both languages. Neither needs a credential, and neither names an address or a record.
 */
export function probeHandler(ready: () => Promise<ReadinessReport>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0];
    if (path !== PROBE_PATHS.health && path !== PROBE_PATHS.ready) return false;
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
      return true;
    };
    if (path === PROBE_PATHS.health) return answer(200, { status: 'ok' });
    const report = await ready();
    return report.ready
      ? answer(200, { status: 'ready', checks: report.checks })
      : answer(503, { status: 'not ready', code: 'NOT_READY', checks: report.checks, messageZh: NOT_READY.zh, messageEn: NOT_READY.en });
  };
}
