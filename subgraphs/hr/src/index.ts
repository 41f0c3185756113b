import { startSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { hr } from './server.ts';

const running = await startSubgraph(hr, config);
console.log(`hr subgraph (人社局) at ${running.url}`);
