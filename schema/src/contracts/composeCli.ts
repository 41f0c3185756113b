import { writeFileSync } from 'node:fs';
import { loadDefaultCatalog } from './catalog.ts';
import { composeSupergraph } from './compose.ts';
import { composePolicySupergraph } from './composePolicySupergraph.ts';
import { POLICY_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from './paths.ts';

/**
 * `pnpm compose`: writes schema/supergraph.graphql from the subgraphs' SDL, and
 * schema/supergraph.policy.graphql, the same with each field's catalog `@policy`, for a standard router.
 */
const { supergraphSdl, hints } = composeSupergraph();
writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
for (const hint of hints) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
console.log(`wrote ${SUPERGRAPH_PATH}`);
const policy = composePolicySupergraph(loadDefaultCatalog());
writeFileSync(POLICY_SUPERGRAPH_PATH, policy.supergraphSdl);
for (const hint of policy.hints) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
console.log(`wrote ${POLICY_SUPERGRAPH_PATH}`);
