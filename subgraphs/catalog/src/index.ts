import { runSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { catalog } from './server.ts';

await runSubgraph(catalog, config);
