import { runSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { organization } from './server.ts';

await runSubgraph(organization, config);
