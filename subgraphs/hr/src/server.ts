import { readFileSync } from 'node:fs';
import { buildSubgraphServer, type OfficeSubgraph, type SubgraphServerOptions } from '@hub/schema';
import { createContext, type HrContext } from './context.ts';
import { openHrDatabase } from './db/open.ts';
import type { HrDb } from './db/queries.ts';
import { isHrEmpty, seedHr, type HrSeed } from './db/seed.ts';
import { inboxMessages, outboxMessages } from './db/schema.ts';
import { importRoutes } from './import/index.ts';
import { personsTransferred } from './messages/personsTransferred.ts';
import { hiringApprovalWithdrawn } from './messages/staffing.hiringApprovalWithdrawn.ts';
import { hiringApproved } from './messages/staffing.hiringApproved.ts';
import { staffingCardCancelled } from './messages/staffing.staffingCardCancelled.ts';
import { staffingCardIssued } from './messages/staffing.staffingCardIssued.ts';
import { resolvers } from './resolvers/index.ts';

export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The office's Apollo Server; `options.executor` picks graphql-js over the compiled executor (tests compare them). */
export function createServer(options: SubgraphServerOptions = {}) {
  return buildSubgraphServer<HrContext>(sdl, resolvers, [], options);
}

/** The HR (人社局) subgraph, as the launcher and the tests start it. */
export const hr: OfficeSubgraph<HrSeed, HrDb, HrContext> = {
  name: 'hr',
  openDatabase: openHrDatabase,
  createServer,
  createContext,
  isEmpty: isHrEmpty,
  messaging: {
    tables: { outboxMessages, inboxMessages },
    handlers: {
      'staffing.hiringApproved': hiringApproved,
      'staffing.hiringApprovalWithdrawn': hiringApprovalWithdrawn,
      'staffing.staffingCardIssued': staffingCardIssued,
      'staffing.staffingCardCancelled': staffingCardCancelled,
      'staffing.personsTransferred': personsTransferred,
    },
  },
  seed: seedHr,
  routes: importRoutes,
};

export type { HrSeed };
