import { readFileSync } from 'node:fs';
import { buildSubgraphServer } from '@hub/schema';
import type { CatalogApiContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** The coordination group's contract: the `catalog` subgraph (provider office `coordination`). */
export const catalogSdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The catalog subgraph's Apollo Server; the caller builds a CatalogApiContext per request. */
export function createCatalogServer() {
  return buildSubgraphServer<CatalogApiContext>(catalogSdl, resolvers);
}
