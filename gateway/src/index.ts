import { join } from 'node:path';
import { config } from './config.ts';
import { startGateway } from './server.ts';

/** The gateway alone, in front of subgraphs running elsewhere (SUBGRAPH_URLS). */
const gateway = await startGateway({
  ...config,
  supergraphSdl: config.supergraphSdl(),
  subgraphSecret: config.subgraphSecret(),
  jwtSecret: config.jwtSecret(),
  operationLogKey: config.operationLogKey(),
  database: { url: config.databaseUrl, dataDir: join(config.dataDir, 'catalog') },
});
console.log(`gateway at ${gateway.url}`);
