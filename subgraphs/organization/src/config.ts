import { configOrExit, readSubgraphConfig } from '@hub/schema';

/** The environment, read once: ORGANIZATION_PORT (or PORT), HOST, ORGANIZATION_DATABASE_URL (or DATABASE_URL), DATA_DIR, SUBGRAPH_SECRET (README, "Running as separate services"). */
export const config = configOrExit(() => readSubgraphConfig('organization', process.env));
