import { runSubgraph } from '@hub/schema';
import { readConfig } from './config.ts';
import { staffing } from './server.ts';

await runSubgraph(staffing, readConfig());
