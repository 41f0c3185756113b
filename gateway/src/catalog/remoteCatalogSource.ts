import { encodeViewer, signSubgraphRequest, VIEWER_HEADER } from '@hub/schema';
import { reviveSnapshot, type CatalogSource } from '@hub/schema/contracts';

/**
 * The catalog read from the coordination group's service, when it runs in another process: its
 * `_catalogSnapshot` field (@inaccessible: in no client's graph), asked as any subgraph request is: signed by the gateway.
 */
export function remoteCatalogSource(url: string, subgraphSecret: string, timeoutMs = 5000): CatalogSource {
  return {
    async load() {
      const request = JSON.stringify({ query: '{ _catalogSnapshot }' });
      const headers = { 'content-type': 'application/json', [VIEWER_HEADER]: encodeViewer(null) };
      const response = await fetch(url, {
        method: 'POST',
        headers: await signSubgraphRequest(subgraphSecret, 'catalog', { method: 'POST', url, headers, body: request }),
        body: request,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { data?: { _catalogSnapshot?: string }; errors?: { message: string }[] };
      if (!response.ok || !body.data?._catalogSnapshot)
        throw new Error(`catalog snapshot from ${url}: HTTP ${response.status} ${body.errors?.[0]?.message ?? ''}`);
      return reviveSnapshot(JSON.parse(body.data._catalogSnapshot));
    },
  };
}
