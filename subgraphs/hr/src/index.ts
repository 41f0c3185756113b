import { runSubgraph } from '@hub/schema';
import { readConfig } from './config.ts';
import { hr } from './server.ts';

await runSubgraph(hr, readConfig());
