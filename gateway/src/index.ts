import { config } from './config.ts';
import { startGateway } from './server.ts';

const gateway = await startGateway({ ...config, supergraphSdl: config.supergraphSdl(), subgraphSecret: config.subgraphSecret() });
console.log(`gateway at ${gateway.url}`);
