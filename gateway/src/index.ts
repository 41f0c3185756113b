import { join } from 'node:path';
import { defaultSubgraphUrl } from '@hub/schema/contracts';
import { remoteCatalogSource } from './catalog/remoteCatalogSource.ts';
import { config } from './config.ts';
import { startGateway } from './server.ts';

/** The gateway alone, in front of subgraphs running elsewhere (SUBGRAPH_URLS), the catalog's included. */
const subgraphSecret = config.subgraphSecret();
const gateway = await startGateway({
  ...config,
  supergraphSdl: config.supergraphSdl(),
  subgraphSecret,
  jwtSecret: config.jwtSecret(),
  operationLogKey: config.operationLogKey(),
  catalog: remoteCatalogSource(config.subgraphUrls.catalog ?? defaultSubgraphUrl('catalog'), subgraphSecret),
  database: { url: config.databaseUrl, dataDir: join(config.dataDir, 'gateway') },
});
console.log(`gateway at ${gateway.url}`);
