import { defaultSubgraphUrl, type SubgraphName, SUBGRAPHS } from '@hub/schema/contracts';

/** A supergraph's SDL with the subgraphs named in `urls` pointed elsewhere (`@join__graph(url:)`); the others keep theirs. */
export function withSubgraphUrls(supergraphSdl: string, urls: Partial<Record<SubgraphName, string>>): string {
  let sdl = supergraphSdl;
  for (const { name } of SUBGRAPHS) {
    const url = urls[name];
    if (url) sdl = sdl.replace(`url: "${defaultSubgraphUrl(name)}"`, `url: ${JSON.stringify(url)}`);
  }
  return sdl;
}
