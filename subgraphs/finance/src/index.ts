import { runSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { finance } from './server.ts';

await runSubgraph(finance, config);
