import { readSubgraphConfig } from '@hub/schema';

/** The environment, read once: PORT, HOST, DATABASE_URL, DATA_DIR, SUBGRAPH_SECRET (see README). */
export const config = readSubgraphConfig('catalog', process.env);
