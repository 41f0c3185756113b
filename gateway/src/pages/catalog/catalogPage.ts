import type { IncomingMessage } from 'node:http';
import type { Route } from '../../httpServer.ts';
import { DETAIL_QUERY, LIST_QUERY, readEntry, readGrant, readRequest, readVersion } from './catalogQueries.ts';
import { entryDetailPage } from './entryDetailPage.ts';
import { entryListPage } from './entryListPage.ts';
import { errorPage } from './errorPage.ts';
import { parseListFilter } from './listFilter.ts';
import { sendPage } from './sendPage.ts';

const PREFIX = '/catalog';

/** Runs one operation through the gateway as the page's visitor (their bearer token, if any), catalog enforced. */
export type PageQuery = (
  req: IncomingMessage,
  query: string,
  variables?: Record<string, unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: the answer to the page's own query (catalogQueries.ts), read field by field by the readers there
) => Promise<{ data?: Record<string, any> | null; errors?: readonly unknown[]; unauthenticated?: string }>;

/**
 * The shared catalog as pages for the coordination group (信息数据共享目录): GET /catalog lists the
 * entries (filters `office`, `shareType`, `q`), GET /catalog/<code> shows one. The pages read through
 * the gateway's own GraphQL as the visitor, so they show exactly what the API would: without a
 * token, open entries and no request, requester, purpose or case number. Any other path is left to
 * the next route.
 */
export function catalogPage(ask: PageQuery, now: () => Date): Route {
  return async (req, res) => {
    /** The page's query as the visitor; null (the 401 page sent) when the gateway refuses their token. */
    const query = async (...args: Parameters<PageQuery>) => {
      const answer = await ask(...args);
      if (answer.unauthenticated === undefined) return answer;
      const [zh, en] = answer.unauthenticated.split(' / ');
      sendPage(res, method, 401, errorPage('令牌无效', zh ?? answer.unauthenticated, en ?? '', now()), { 'www-authenticate': 'Bearer' });
      return null;
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    const at = now();
    if (method !== 'GET' && method !== 'HEAD') {
      sendPage(res, method, 405, errorPage('不支持的请求方法', '目录页面只支持 GET 和 HEAD 请求', 'The catalog pages accept GET and HEAD only', at), {
        allow: 'GET, HEAD',
      });
      return true;
    }

    const rest = url.pathname.slice(PREFIX.length).replace(/\/$/, '');
    if (!rest) {
      const answer = await query(req, LIST_QUERY);
      if (!answer) return true;
      const { data } = answer;
      const entries = (data?.catalogEntries ?? []).map(readEntry);
      const pendingRequests = data?.accessRequests ? data.accessRequests.map(readRequest) : null;
      sendPage(res, method, 200, entryListPage({ entries, pendingRequests, filter: parseListFilter(url.searchParams), now: at }));
      return true;
    }

    const code = decodeSegment(rest.slice(1));
    const answer = code === null ? { data: null } : await query(req, DETAIL_QUERY, { code });
    if (!answer) return true;
    const { data } = answer;
    const entry = data?.catalogEntry;
    if (!entry) {
      sendPage(
        res,
        method,
        404,
        errorPage('未找到', `目录中没有代码为「${code ?? rest.slice(1)}」的信息资源`, `No catalog entry with code "${code ?? rest.slice(1)}"`, at),
      );
      return true;
    }
    const page = entryDetailPage({
      entry: readEntry(entry),
      knownCodes: new Set((data.catalogEntries ?? []).map((e: { code: string }) => e.code)),
      grants: entry.grants ? entry.grants.map(readGrant) : null,
      pendingRequests: entry.pendingRequests ? entry.pendingRequests.map(readRequest) : null,
      versions: entry.versions ? entry.versions.map(readVersion) : null,
      now: at,
    });
    sendPage(res, method, 200, page);
    return true;
  };
}

/** A path segment decoded, or null when its percent-encoding is malformed (answered as not found). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
