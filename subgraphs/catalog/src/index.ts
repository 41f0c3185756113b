import { startSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { catalog } from './server.ts';

const running = await startSubgraph(catalog, config);
console.log(`catalog subgraph (协调小组) at ${running.url}`);
