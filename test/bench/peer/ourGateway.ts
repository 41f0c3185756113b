import { readFileSync } from 'node:fs';
import { type GatewayOptions, startGateway } from '@hub/gateway';
import { remoteCatalogSource } from '@hub/gateway/remoteCatalogSource';

/**
 * bench:peer's gateway process: this hub's gateway (as gateway/src/index.ts runs it: the catalog read
 * from the catalog subgraph over HTTP, the operation log on PostgreSQL) in front of the bench's
 * subgraphs. BENCH_GATEWAY is a JSON object of GatewayOptions to set on top (enforcement, merging …);
 * the rate limit is lifted, since one token sends every request, and the message relays
 * wait an hour between rounds, so that the CPU measured is the requests'. Prints `{"url":…}`; stops on SIGTERM.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`ourGateway.ts: ${name} is required`);
  return value;
};
const urls = JSON.parse(env('SUBGRAPH_URLS_JSON')) as Record<string, string>;
const secret = env('SUBGRAPH_SECRET');
const overrides = JSON.parse(process.env.BENCH_GATEWAY ?? '{}') as Partial<GatewayOptions>;
const gateway = await startGateway({
  supergraphSdl: readFileSync(env('SUPERGRAPH_FILE'), 'utf8'),
  subgraphUrls: urls,
  port: 0,
  host: '127.0.0.1',
  catalog: remoteCatalogSource(urls.catalog!, secret),
  subgraphSecret: secret,
  jwtSecret: env('JWT_SECRET'),
  operationLogKey: env('OPERATION_LOG_KEY'),
  database: { url: env('DATABASE_URL') },
  rateLimits: { authenticated: { perSecond: 1_000_000, burst: 0 } },
  // Several gateways over one set of subgraphs: only the bench's requests, no relay rounds in between.
  messagePollMs: 3_600_000,
  imports: { logPollMs: 3_600_000 },
  ...overrides,
});
process.stdout.write(`${JSON.stringify({ url: gateway.url })}\n`);
process.once('SIGTERM', async () => {
  await gateway.stop();
  process.exit(0);
});
