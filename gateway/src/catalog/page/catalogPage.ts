import type { Route } from '../../httpServer.ts';
import type { CatalogStore } from '../catalogStore.ts';
import { entryDetailPage } from './entryDetailPage.ts';
import { entryListPage } from './entryListPage.ts';
import { errorPage } from './errorPage.ts';
import { parseListFilter } from './listFilter.ts';
import { sendPage } from './sendPage.ts';

const PREFIX = '/catalog';

/**
 * The shared catalog as pages for the coordination group (信息数据共享目录): GET /catalog lists the
 * entries (filters `office`, `shareType`, `q`), GET /catalog/<code> shows one. Any other path is
 * left to the next route. The pages show public metadata only: codes, coordinates, office names.
 */
export function catalogPage(store: CatalogStore, now: () => Date): Route {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    const at = now();
    if (method !== 'GET' && method !== 'HEAD') {
      sendPage(res, method, 405, errorPage('不支持的请求方法', '目录页面只支持 GET 和 HEAD 请求', 'The catalog pages accept GET and HEAD only', at), { allow: 'GET, HEAD' });
      return true;
    }

    const rest = url.pathname.slice(PREFIX.length).replace(/\/$/, '');
    const snapshot = await store.snapshot();
    if (!rest) {
      const pendingRequests = await store.requests({ status: 'PENDING' });
      const page = entryListPage({ entries: [...snapshot.entries.values()], pendingRequests, filter: parseListFilter(url.searchParams), now: at });
      sendPage(res, method, 200, page);
      return true;
    }

    const code = decodeSegment(rest.slice(1));
    const entry = code === null ? undefined : snapshot.entries.get(code);
    if (!entry) {
      sendPage(res, method, 404, errorPage('未找到', `目录中没有代码为「${code ?? rest.slice(1)}」的信息资源`, `No catalog entry with code "${code ?? rest.slice(1)}"`, at));
      return true;
    }
    const [grants, pendingRequests, versions] = await Promise.all([
      store.grants({ entryCodes: [entry.code] }),
      store.requests({ entryCodes: [entry.code], status: 'PENDING' }),
      store.versionsOfEntries([entry.code]),
    ]);
    const page = entryDetailPage({ entry, knownCodes: new Set(snapshot.entries.keys()), grants, pendingRequests, versions, now: at });
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
