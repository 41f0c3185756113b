import { readFileSync } from 'node:fs';
import { buildSubgraphServer, type OfficeSubgraph, type SubgraphServerOptions } from '@hub/schema';
import { createContext, type StaffingContext } from './context.ts';
import { openStaffingDatabase } from './db/open.ts';
import type { StaffingDb } from './db/queries.ts';
import { isStaffingEmpty, seedStaffing, type StaffingSeed } from './db/seed.ts';
import { inboxMessages, outboxMessages } from './db/schema.ts';
import { hireRecorded } from './messages/hr.hireRecorded.ts';
import { importRoutes } from './import/index.ts';
import { resolvers } from './resolvers/index.ts';

export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The office's Apollo Server; `options.executor` picks graphql-js over the compiled executor (tests compare them). */
export function createServer(options: SubgraphServerOptions = {}) {
  return buildSubgraphServer<StaffingContext>(sdl, resolvers, [], options);
}

/** The Staffing Office (编办) subgraph, as the launcher and the tests start it. */
export const staffing: OfficeSubgraph<StaffingSeed, StaffingDb, StaffingContext> = {
  name: 'staffing',
  openDatabase: openStaffingDatabase,
  createServer,
  createContext,
  isEmpty: isStaffingEmpty,
  messaging: { tables: { outboxMessages, inboxMessages }, handlers: { 'hr.hireRecorded': hireRecorded } },
  seed: seedStaffing,
  routes: importRoutes,
};

export type { StaffingSeed };
