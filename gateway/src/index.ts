import { exitOnStartFailure, stopOnSignals } from '@hub/schema';
import { defaultSubgraphUrl } from '@hub/schema/contracts';
import { remoteCatalogSource } from './catalog/remoteCatalogSource.ts';
import { config } from './config.ts';
import { type RunningGateway, startGateway } from './server.ts';

/**
 * The gateway alone, in front of subgraphs running elsewhere (SUBGRAPH_URLS), the catalog's included;
 * stopped in order on SIGTERM or SIGINT. Several may run side by side (README, "Running as separate services").
 */
const subgraphSecret = config.subgraphSecret();
let running: RunningGateway | undefined;
const starting = startGateway({
  ...config,
  supergraphSdl: config.supergraphSdl(),
  subgraphSecret,
  jwtSecret: config.jwtSecret(),
  operationLogKey: config.operationLogKey(),
  catalog: remoteCatalogSource(config.subgraphUrls.catalog ?? defaultSubgraphUrl('catalog'), subgraphSecret),
  database: config.database,
});
const takeOver = stopOnSignals(async () => (running ?? (await starting)).stop());
running = await starting.catch(exitOnStartFailure);
takeOver();
console.log(`网关 / gateway: ${running.url}`);
