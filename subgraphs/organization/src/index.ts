import { startSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { organization } from './server.ts';

const running = await startSubgraph(organization, config);
console.log(`organization subgraph (组织部) at ${running.url}`);
