import { readFileSync } from 'node:fs';
import { buildSubgraphServer, type OfficeSubgraph, type SubgraphServerOptions } from '@hub/schema';
import { createContext, type OrganizationContext } from './context.ts';
import { openOrganizationDatabase } from './db/open.ts';
import type { OrganizationDb } from './db/queries.ts';
import { isOrganizationEmpty, seedOrganization, type OrganizationSeed } from './db/seed.ts';
import { inboxMessages, outboxMessages } from './db/schema.ts';
import { importRoutes } from './import/index.ts';
import { resolvers } from './resolvers/index.ts';

export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The office's Apollo Server; `options.executor` picks graphql-js over the compiled executor (tests compare them). */
export function createServer(options: SubgraphServerOptions = {}) {
  return buildSubgraphServer<OrganizationContext>(sdl, resolvers, [], options);
}

/** The Organization Department (组织部) subgraph, as the launcher and the tests start it. */
export const organization: OfficeSubgraph<OrganizationSeed, OrganizationDb, OrganizationContext> = {
  name: 'organization',
  openDatabase: openOrganizationDatabase,
  createServer,
  createContext,
  isEmpty: isOrganizationEmpty,
  messaging: { tables: { outboxMessages, inboxMessages }, handlers: {} },
  seed: seedOrganization,
  routes: importRoutes,
};

export type { OrganizationSeed };
