import { readFileSync } from 'node:fs';
import { buildSubgraphServer, type OfficeSubgraph, type SubgraphServerOptions } from '@hub/schema';
import { createContext, type FinanceContext } from './context.ts';
import { openFinanceDatabase } from './db/open.ts';
import type { FinanceDb } from './db/queries.ts';
import { isFinanceEmpty, seedFinance, type FinanceSeed } from './db/seed.ts';
import { inboxMessages, outboxMessages } from './db/schema.ts';
import { importRoutes } from './import/index.ts';
import { personsTransferred } from './messages/personsTransferred.ts';
import { staffingCardCancelled } from './messages/staffing.staffingCardCancelled.ts';
import { staffingCardIssued } from './messages/staffing.staffingCardIssued.ts';
import { stopPayNoticeHandler } from './messages/stopPayNotice.ts';
import { resolvers } from './resolvers/index.ts';

export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The office's Apollo Server; `options.executor` picks graphql-js over the compiled executor (tests compare them). */
export function createServer(options: SubgraphServerOptions = {}) {
  return buildSubgraphServer<FinanceContext>(sdl, resolvers, [], options);
}

/** The Finance (财政局) subgraph, as the launcher and the tests start it. */
export const finance: OfficeSubgraph<FinanceSeed, FinanceDb, FinanceContext> = {
  name: 'finance',
  openDatabase: openFinanceDatabase,
  createServer,
  createContext,
  isEmpty: isFinanceEmpty,
  messaging: {
    tables: { outboxMessages, inboxMessages },
    handlers: {
      'staffing.staffingCardIssued': staffingCardIssued,
      'staffing.staffingCardCancelled': staffingCardCancelled,
      'staffing.personsTransferred': personsTransferred,
      'staffing.stopPayNotice': stopPayNoticeHandler,
    },
  },
  seed: seedFinance,
  routes: importRoutes,
};

export type { FinanceSeed };
