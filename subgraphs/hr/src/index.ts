import { startSubgraph } from '@hub/schema';
import { readConfig } from './config.ts';
import { hr } from './server.ts';

const running = await startSubgraph(hr, readConfig());
console.log(`hr subgraph (人社局) at ${running.url}`);
