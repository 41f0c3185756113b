import { runSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { hr } from './server.ts';

await runSubgraph(hr, config);
