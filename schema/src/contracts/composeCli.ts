import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose.ts';
import { SUPERGRAPH_PATH } from './paths.ts';

/** `pnpm compose`: writes schema/supergraph.graphql from the subgraphs' SDL. */
const { supergraphSdl, hints } = composeSupergraph();
writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
for (const hint of hints) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
console.log(`wrote ${SUPERGRAPH_PATH}`);
