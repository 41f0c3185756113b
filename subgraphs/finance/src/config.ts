import { configOrExit, readSubgraphConfig } from '@hub/schema';

/** The environment, read once: FINANCE_PORT (or PORT), HOST, FINANCE_DATABASE_URL (or DATABASE_URL), DATA_DIR, SUBGRAPH_SECRET (README, "Running as separate services"). */
export const config = configOrExit(() => readSubgraphConfig('finance', process.env));
