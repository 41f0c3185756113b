import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { subgraphTypeDefs } from '../kit/inputLimits.ts';
import { REPO_ROOT } from './paths.ts';
import { defaultSubgraphUrl, SUBGRAPHS } from './subgraphs.ts';

export interface Composition {
  supergraphSdl: string;
  hints: { message: string; definition: { code: string } }[];
}

/**
 * Composes the offices' SDL files, read as their servers read them (`subgraphTypeDefs`: the input-limit
 * directives defined), into the supergraph, or throws with every composition error.
 */
export function composeSupergraph(): Composition {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: defaultSubgraphUrl(s.name),
      typeDefs: subgraphTypeDefs(readFileSync(REPO_ROOT + s.sdl, 'utf8')),
    })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints ?? [] };
}
