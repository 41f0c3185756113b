import { configOrExit, readSubgraphConfig } from '@hub/schema';

/** The environment, read once: HR_PORT (or PORT), HOST, HR_DATABASE_URL (or DATABASE_URL), DATA_DIR, SUBGRAPH_SECRET (README, "Running as separate services"). */
export const config = configOrExit(() => readSubgraphConfig('hr', process.env));
