import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH, type SubgraphName, SUBGRAPHS } from '@hub/schema';

/**
 * Subgraph URLs default to the ones in the supergraph (127.0.0.1:4001–4004);
 * SUBGRAPH_URLS="staffing=http://host:port/graphql,hr=…" points the gateway elsewhere.
 */
function parseSubgraphUrls(raw: string | undefined): Partial<Record<SubgraphName, string>> {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const [name, url] = pair.split('=');
    if (!SUBGRAPHS.some((s) => s.name === name) || !url) throw new Error(`SUBGRAPH_URLS: cannot read "${pair}" (expected name=url)`);
    urls[name as SubgraphName] = url;
  }
  return urls;
}

export const config = Object.freeze({
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  subgraphUrls: parseSubgraphUrls(process.env.SUBGRAPH_URLS),
  supergraphSdl: () => readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8'),
});
