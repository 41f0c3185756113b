import { startSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { finance } from './server.ts';

const running = await startSubgraph(finance, config);
console.log(`finance subgraph (财政局) at ${running.url}`);
