import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Database } from './db.ts';
import type { DatabaseLocation } from './officeDatabase.ts';
import { verifySubgraphCaller } from './verifySubgraphCaller.ts';
import { createReplayCache } from './replayCache.ts';
import type { Viewer } from './roles.ts';
import { createRequestRecorder, type RequestRecorder } from './requestRecorder.ts';
import { messageRoutes, type OfficeMessaging } from './messaging/messageRoutes.ts';
import { createReadiness } from './readiness.ts';
import { listenSubgraph, type SubgraphServerOptions } from './subgraphServer.ts';
import { startConfiguredTracing } from './observability/tracing.ts';
import type { SubgraphRoute } from './subgraphRoutes.ts';
import type { ServiceName } from '../contracts/subgraphs.ts';

/** What every office's subgraph package exports, so one launcher starts any of them. */
// biome-ignore lint/suspicious/noExplicitAny: the defaults let the launcher hold offices of different database and context types in one list
export interface OfficeSubgraph<TSeed = unknown, TDb = any, TContext extends BaseContext = any> {
  name: ServiceName;
  // biome-ignore lint/suspicious/noExplicitAny: each office's own drizzle schema; `db` carries its type
  openDatabase(location: DatabaseLocation): Promise<Database<any> & { db: TDb }>;
  /** Its Apollo Server; `executor: 'graphql-js'` runs queries on the reference executor instead of the compiled one (tests compare them). */
  createServer(options?: SubgraphServerOptions): ApolloServer<TContext>;
  /** The per-request context; `viewer` is who the gateway vouches for (null: a public caller); `now` its clock. */
  createContext(db: TDb, viewer: Viewer | null, now: () => Date): TContext;
  /** True when the office's database holds no data yet (first start). */
  isEmpty(db: TDb): Promise<boolean>;
  /** Loads rows in chunks, in one transaction: a failed seed leaves nothing behind. */
  seed(db: TDb, data: TSeed): Promise<void>;
  /** Work done at every start after the migrations (the catalog adds the default entries it lacks). */
  onStart?(db: TDb): Promise<void>;
  /** An office that sends or receives messages: its outbox and inbox, and a handler per topic it receives (README, "Messages between offices"). */
  messaging?: OfficeMessaging<TDb>;
  /** The office's own endpoints beside GraphQL (spreadsheet imports …), each under HUB_ROUTE_PREFIX. */
  routes?(db: TDb, now: () => Date): SubgraphRoute<Viewer | null>[];
}

export interface RunningSubgraph {
  name: ServiceName;
  url: string;
  // biome-ignore lint/suspicious/noExplicitAny: a running subgraph of any office (the launcher keeps them in one record)
  database: Database<any>;
  /** With `recordRequests` only: records what the subgraph receives while a recording is open (tests assert what it was asked). */
  readonly recorder: RequestRecorder | null;
  /** Stops answering (its port closed; the database kept): an office that is down, as tests need it. */
  suspend(): Promise<void>;
  /** Answers again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions<TSeed> {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL only: the pool's size (10 when unset). */
  maxConnections?: number | undefined;
  port: number;
  host: string;
  /** The secret the gateway's signing keys are derived from; every request must carry the gateway's signature. */
  secret: string;
  /** Let tests record the requests received; off in a running hub. */
  recordRequests?: boolean | undefined;
  /** Demo or test data to load when the database is empty. */
  seedData?: (() => TSeed) | undefined;
  /** The subgraph's clock (grant expiry, due dates); tests move it. */
  now?: (() => Date) | undefined;
}

/** config → db (migrated, seeded on first start) → listen. */
export async function startSubgraph<TSeed>(office: OfficeSubgraph<TSeed>, options: StartSubgraphOptions<TSeed>): Promise<RunningSubgraph> {
  // Before the database opens, so that its statements are traced (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const stopTracing = startConfiguredTracing(`staffing-hub-${office.name}`);
  const database = await office.openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, maxConnections: options.maxConnections });
  try {
    await database.migrate();
    if (options.seedData && (await office.isEmpty(database.db))) {
      await office.seed(database.db, options.seedData());
      await database.analyze();
    }
    await office.onStart?.(database.db);
    const now = options.now ?? (() => new Date());
    const server = office.createServer();
    const recorder = options.recordRequests ? createRequestRecorder() : null;
    if (recorder) server.addPlugin(recorder.plugin);
    // The nonces this subgraph has accepted, each kept for its signature's lifetime (README, "How the gateway vouches for a request").
    const replays = createReplayCache();
    const routes = [...(office.messaging ? messageRoutes(office.name, database.db, office.messaging, now) : []), ...(office.routes?.(database.db, now) ?? [])];
    const listening = await listenSubgraph(server, {
      name: office.name,
      port: options.port,
      host: options.host,
      authenticate: (request) => verifySubgraphCaller(options.secret, office.name, request, replays),
      context: async (_headers, viewer) => office.createContext(database.db, viewer, now),
      routes,
      // Ready when its database answers: the office needs nothing else to serve (README, "Health and readiness").
      ready: createReadiness({ database: () => database.ping() }),
    });
    let suspended = false;
    const resume = async () => {
      if (!suspended) return;
      await listening.resume();
      suspended = false;
    };
    return {
      name: office.name,
      url: listening.url,
      database,
      recorder,
      async suspend() {
        if (suspended) return;
        suspended = true;
        await listening.suspend();
      },
      resume,
      async stop() {
        // Apollo's drain closes the listener, which must be open to be closed.
        await resume();
        await server.stop();
        await database.close();
        await stopTracing?.();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Inserts rows in chunks small enough for PostgreSQL's parameter limit. */
export async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
