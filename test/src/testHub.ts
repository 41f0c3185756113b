import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { catalog, catalogSource, type CatalogDb } from '@hub/catalog';
import { type GatewayOptions, startGateway, type RunningGateway } from '@hub/gateway';
import { startHub, type Hub, type HubOptions } from '@hub/launcher';
import type { OfficeRows } from '@hub/launcher/demo';
import { createFreshDatabase, testConfig } from '@hub/schema/testing';
import { startSubgraph, type Recording, type ReceivedRequest } from '@hub/schema';
import { SUPERGRAPH_PATH, type ServiceName } from '@hub/schema/contracts';

type TestViewer = { office: string; role: string; sub?: string; unit?: string };

/** A gateway a test talks to as a department app would. */
export interface TestGateway {
  url: string;
  gateway: RunningGateway;
  /** POSTs a GraphQL operation to the gateway as a department app would; returns the parsed answer. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer<T>>;
  /** A bearer token of this hub for a viewer (office, role, sub, unit?). */
  token(viewer: TestViewer, ttl?: string): Promise<string>;
  /** Headers with that token, ready for `query`. */
  as(viewer: TestViewer): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export interface TestHub extends Hub, TestGateway {
  /**
   * Opens a recording on every office subgraph: `stop()` returns, per subgraph, every request it
   * received meanwhile (parsed document, operation name, variables), whatever their number.
   */
  record(): HubRecording;
  /** SQL statements each subgraph has sent so far. */
  statementCounts(): Record<string, number>;
  /**
   * Another gateway over this hub's subgraphs, with its own catalog database (so its own grants and
   * operation log) and its own clock, for tests whose catalog states must not meet. Same keys, so
   * the hub's tokens work on it. Stopped by the test that starts it. `subgraphUrls` points offices
   * elsewhere (a fault test's fake office); `deadlines` sets its timeouts.
   */
  startGateway(options: {
    now: () => Date;
    subgraphUrls?: Partial<Record<ServiceName, string>>;
    deadlines?: GatewayOptions['deadlines'];
    rateLimits?: HubOptions['rateLimits'];
  }): Promise<TestGateway>;
}

export interface HubRecording {
  stop(): Record<ServiceName, ReceivedRequest[]>;
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** How many requests each subgraph received in a recording. */
export const requestCounts = (received: Record<ServiceName, ReceivedRequest[]>) =>
  Object.fromEntries(Object.entries(received).map(([name, requests]) => [name, requests.length])) as Record<ServiceName, number>;

/**
 * Rate limits for tests, which send many requests quickly from one identity: the limiter still runs
 * on every request, with budgets no test reaches (edge.e2e.ts sets its own to test the limits).
 */
export const TEST_RATE_LIMITS: NonNullable<HubOptions['rateLimits']> = {
  anonymous: { perSecond: 100_000, burst: 100_000 },
  authenticated: { perSecond: 100_000, burst: 100_000 },
};

/**
 * The relay does not poll in tests unless a test asks: it runs after each write that changed rows, and
 * when a test drains it (`hub.gateway.relay.drain()`), so no background statement or subgraph request
 * lands in a test's counts.
 */
const NO_POLL = 24 * 3_600_000;

/**
 * Starts the hub for a test file: in-memory PGlite, or a fresh database on DATABASE_URL's server
 * (dropped at stop), on free ports.
 */
export async function startTestHub(
  seed?: () => OfficeRows,
  options: Pick<
    HubOptions,
    'now' | 'enforcement' | 'limits' | 'idempotencyTtlMs' | 'tokens' | 'rateLimits' | 'cors' | 'messagePollMs' | 'imports' | 'devSignIn'
  > = {},
): Promise<TestHub> {
  const fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  const hub = await startHub({
    databaseUrl: fresh?.url,
    port: 0,
    subgraphPorts: 0,
    seed,
    recordRequests: true,
    ...options,
    rateLimits: options.rateLimits ?? TEST_RATE_LIMITS,
    messagePollMs: options.messagePollMs ?? NO_POLL,
    // Verification runs when a test drains `hub.verification`, never on a schedule in the background.
    verificationPollMs: 0,
    verificationSchedules: [],
    // Finished imports are logged when a test drains `hub.gateway.importLog`, not by a poll in the background.
    imports: { logPollMs: NO_POLL, ...options.imports },
  });
  const client = testGateway(hub.url, hub.gateway, async () => {
    await hub.stop();
    await fresh?.drop();
  });
  return {
    ...hub,
    ...client,
    record() {
      const recordings = Object.entries(hub.subgraphs).map(([name, s]) => {
        if (!s.recorder) throw new Error(`${name} was started without recordRequests`);
        return [name, s.recorder.record()] as [ServiceName, Recording];
      });
      return { stop: () => Object.fromEntries(recordings.map(([name, r]) => [name, r.stop()])) as Record<ServiceName, ReceivedRequest[]> };
    },
    statementCounts() {
      return Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.database.statements.count]));
    },
    async startGateway({ now, subgraphUrls, deadlines, rateLimits = TEST_RATE_LIMITS }) {
      // Its own catalog office (so its own grants) and its own gateway database (its own log), on its own clock.
      const database = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
      const ownCatalog = await startSubgraph(catalog, { databaseUrl: database?.url, port: 0, host: '127.0.0.1', secret: hub.subgraphSecret, now }).catch(
        async (error) => {
          await database?.drop();
          throw error;
        },
      );
      const gateway = await startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls: { ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])), catalog: ownCatalog.url, ...subgraphUrls },
        deadlines,
        catalog: catalogSource(ownCatalog.database.db as CatalogDb),
        port: 0,
        host: '127.0.0.1',
        subgraphSecret: hub.subgraphSecret,
        jwtSecret: hub.jwtSecret,
        operationLogKey: randomBytes(32).toString('hex'),
        now,
        rateLimits,
        messagePollMs: NO_POLL,
        imports: { logPollMs: NO_POLL },
        database: { url: database?.url },
      }).catch(async (error) => {
        await ownCatalog.stop();
        await database?.drop();
        throw error;
      });
      return testGateway(gateway.url, gateway, async () => {
        await gateway.stop();
        await ownCatalog.stop();
        await database?.drop();
      });
    },
  };
}

function testGateway(url: string, gateway: RunningGateway, stop: () => Promise<void>): TestGateway {
  const token: TestGateway['token'] = (viewer, ttl) => gateway.tokens.sign({ sub: `${viewer.office}-${viewer.role.toLowerCase()}`, ...viewer } as never, ttl);
  return {
    url,
    gateway,
    async query(query, variables, headers) {
      const response = await fetch(url, {
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
    stop,
  };
}
