import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@graphql-hive/gateway';
import { configOrExit, loadOrCreateDevKey, readEnv, SERVER_SETTINGS, setting } from '@hub/schema';
import { POLICY_SUPERGRAPH_PATH } from '@hub/schema/contracts';
import { parseSubgraphUrls } from '../config.ts';
import { useCatalogPolicy } from './useCatalogPolicy.ts';
import { withSubgraphUrls } from './withSubgraphUrls.ts';

/**
 * Hive Gateway in front of the hub's subgraphs, enforcing the catalog (README, "Putting a standard
 * router in front"): `node --import tsx node_modules/@graphql-hive/gateway/dist/bin.js supergraph
 * --config-path gateway/src/policy/hiveGateway.config.ts --host 127.0.0.1 --port 4100`.
 * HUB_URL: the hub gateway whose decision service it asks; SUBGRAPH_URLS and SUBGRAPH_SECRET as the hub
 * gateway reads them (without SUBGRAPH_SECRET, the development key under DATA_DIR).
 */
const settings = configOrExit(() =>
  readEnv(
    {
      ...SERVER_SETTINGS,
      HUB_URL: setting.text('http://127.0.0.1:4000'),
      SUBGRAPH_URLS: setting.custom(parseSubgraphUrls),
      POLICY_SUPERGRAPH: setting.text(POLICY_SUPERGRAPH_PATH),
    },
    process.env,
  ),
);
const policySupergraphSdl = readFileSync(settings.POLICY_SUPERGRAPH, 'utf8');

export const gatewayConfig = defineConfig({
  supergraph: withSubgraphUrls(policySupergraphSdl, settings.SUBGRAPH_URLS),
  plugins: () =>
    useCatalogPolicy({
      hubUrl: settings.HUB_URL,
      policySupergraphSdl,
      subgraphSecret: settings.SUBGRAPH_SECRET ?? loadOrCreateDevKey(join(settings.DATA_DIR, 'keys', 'subgraph.key')),
    }),
});
