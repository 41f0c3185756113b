import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadOrCreateDevKey } from '@hub/schema';
import { SUPERGRAPH_PATH, type SubgraphName, SUBGRAPHS } from '@hub/schema/contracts';
import { readFileSync } from 'node:fs';


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

const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('../../data', import.meta.url));

/**
 * The gateway's environment, read once. Secrets come from the environment in production; for local
 * use each falls back to a development key generated once under the data folder.
 */
export const config = Object.freeze({
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir,
  subgraphUrls: parseSubgraphUrls(process.env.SUBGRAPH_URLS),
  supergraphSdl: () => readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8'),
  /** HS256 key of the bearer tokens departments present (JWT_SECRET). */
  jwtSecret: () => process.env.JWT_SECRET || loadOrCreateDevKey(join(dataDir, 'keys', 'jwt.key')),
  /** Key of the gateway-to-subgraph credential (SUBGRAPH_SECRET); each subgraph gets a key derived from it. */
  subgraphSecret: () => process.env.SUBGRAPH_SECRET || loadOrCreateDevKey(join(dataDir, 'keys', 'subgraph.key')),
  /** HMAC key of the operation log's hash chain (OPERATION_LOG_KEY). */
  operationLogKey: () => process.env.OPERATION_LOG_KEY || loadOrCreateDevKey(join(dataDir, 'keys', 'operation-log.key')),
  /** Where that key comes from, for messages. */
  operationLogKeySource: process.env.OPERATION_LOG_KEY ? 'OPERATION_LOG_KEY' : join(dataDir, 'keys', 'operation-log.key'),
});
