import { startSubgraph } from '@hub/schema';
import { config } from './config.ts';
import { staffing } from './server.ts';

const running = await startSubgraph(staffing, config);
console.log(`staffing subgraph (编办) at ${running.url}`);
