import { createFreshDatabase, testConfig } from '@hub/schema';
import { startHub, type Hub, type HubOptions } from '@hub/launcher';
import type { City } from '@hub/launcher/demo';

export interface TestHub extends Hub {
  /** POSTs a GraphQL operation to the gateway as a department app would; returns the parsed answer. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer<T>>;
  /** A bearer token of this hub for a viewer (office, role, sub, unit?). */
  token(viewer: { office: string; role: string; sub?: string; unit?: string }, ttl?: string): Promise<string>;
  /** Headers with that token, ready for `query`. */
  as(viewer: { office: string; role: string; sub?: string; unit?: string }): Promise<Record<string, string>>;
  /** GraphQL requests each subgraph has answered so far. */
  requestCounts(): Record<string, number>;
  /** SQL statements each subgraph has sent so far. */
  statementCounts(): Record<string, number>;
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * Starts the hub for a test file: in-memory PGlite, or a fresh database on DATABASE_URL's server
 * (dropped at stop), on free ports.
 */
export async function startTestHub(seed?: () => City, options: Pick<HubOptions, 'now' | 'enforcement'> = {}): Promise<TestHub> {
  const fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  const hub = await startHub({ databaseUrl: fresh?.url, port: 0, subgraphPorts: 0, seed, recordRequests: true, ...options });
  const token: TestHub['token'] = (viewer, ttl) => hub.gateway.tokens.sign({ sub: `${viewer.office}-${viewer.role.toLowerCase()}`, ...viewer } as never, ttl);
  return {
    ...hub,
    async stop() {
      await hub.stop();
      await fresh?.drop();
    },
    async query(query, variables, headers) {
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    token,
    async as(viewer) {
      return { authorization: `Bearer ${await token(viewer)}` };
    },
    requestCounts() {
      return Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.requests.count]));
    },
    statementCounts() {
      return Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.database.statements.count]));
    },
  };
}
