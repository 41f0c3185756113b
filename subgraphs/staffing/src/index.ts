import { startSubgraph } from '@hub/schema';
import { readConfig } from './config.ts';
import { staffing } from './server.ts';

const running = await startSubgraph(staffing, readConfig());
console.log(`staffing subgraph (编办) at ${running.url}`);
