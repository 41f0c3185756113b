import { readFileSync } from 'node:fs';
import { buildSubgraphServer, type OfficeSubgraph, type SubgraphServerOptions } from '@hub/schema';
import { createContext, type CatalogContext } from './context.ts';
import { openCatalogDatabase } from './db/open.ts';
import type { CatalogDb } from './db/queries.ts';
import { addDefaultCatalog, isCatalogEmpty, seedCatalog, type CatalogSeed } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The office's Apollo Server; `options.executor` picks graphql-js over the compiled executor (tests compare them). */
export function createServer(options: SubgraphServerOptions = {}) {
  return buildSubgraphServer<CatalogContext>(sdl, resolvers, [], options);
}

/**
 * The coordination group's subgraph (协调小组: 信息数据共享目录, 共享申请, 授权), as the launcher and the
 * tests start it. At every start it adds the default catalog's entries it lacks.
 */
export const catalog: OfficeSubgraph<CatalogSeed, CatalogDb, CatalogContext> = {
  name: 'catalog',
  openDatabase: openCatalogDatabase,
  createServer,
  createContext,
  isEmpty: isCatalogEmpty,
  seed: seedCatalog,
  onStart: addDefaultCatalog,
};

export { catalogSource, readCatalogSnapshot } from './catalogSource.ts';
export { createVerificationWorker, type VerificationWorker } from './verification/verificationWorker.ts';
export type { HubReader } from './verification/hubReader.ts';
export type { CatalogDb, CatalogSeed };
