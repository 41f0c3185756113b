import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { useCatalogPolicy, withSubgraphUrls } from '@hub/gateway/policy';
import { startHub } from '@hub/launcher';
import { generateCity } from '@hub/launcher/demo';
import { POLICY_SUPERGRAPH_PATH } from '@hub/schema/contracts';

/**
 * `pnpm bench:policy`: latency of one cross-office query (a person's name, an unconditional HR field,
 * and the cadre post, a conditional one the viewer is refused) through the hub's gateway and through
 * Hive Gateway with the catalog policy plugin (which asks the hub's decision service once per request)
 * over the same subgraphs, alternating, in the same run; prints both and their ratio. Loopback only.
 */
const ROUNDS = Number(process.argv[2] ?? 300);
const QUERY = 'query P($p: ID!) { person(idNumber: $p) { name gender birthDate cadre { post } } }';

process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const city = generateCity();
const secret = randomBytes(32).toString('hex');
const jwtSecret = randomBytes(32).toString('hex');
console.log('starting the hub (PGlite in memory, demo city) …');
const rateLimits = { authenticated: { perSecond: 100_000, burst: 0 } };
const hub = await startHub({ port: 0, subgraphPorts: 0, seed: () => city, subgraphSecret: secret, jwtSecret, rateLimits });
const policySupergraphSdl = readFileSync(POLICY_SUPERGRAPH_PATH, 'utf8');
const hive = createGatewayRuntime({
  supergraph: withSubgraphUrls(
    policySupergraphSdl,
    Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, new URL('graphql', s.url).toString()])),
  ),
  logging: false,
  plugins: () => useCatalogPolicy({ hubUrl: new URL('/', hub.url).toString(), policySupergraphSdl, subgraphSecret: secret }),
});
const token = await hub.gateway.tokens.sign({ office: 'staffing', role: 'OPERATOR', sub: 'bench' });
const person = city.organization.cadres[0]!.idNumber;
const request = () => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: QUERY, variables: { p: person } }),
});

async function once(send: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const body = (await (await send()).json()) as { data?: { person?: { name?: string } }; errors?: { extensions?: { code?: string } }[] };
  const ms = performance.now() - t0;
  if (!body.data?.person?.name || body.errors?.map((e) => e.extensions?.code).join() !== 'FORBIDDEN')
    throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}
const viaHub = () => once(() => fetch(hub.url, request()));
const viaHive = () => once(async () => hive.fetch('http://hive.local/graphql', request()));

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
for (let i = 0; i < 30; i++) {
  await viaHub();
  await viaHive();
}
const ours: number[] = [];
const theirs: number[] = [];
// Alternate so that both see the same machine load.
for (let i = 0; i < ROUNDS; i++) {
  ours.push(await viaHub());
  theirs.push(await viaHive());
}
const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
console.log(`person with a denied cadre post, ${ROUNDS} requests each, one at a time:`);
console.log(`  hub gateway (@apollo/gateway + enforcement + operation log): ${fmt(ours)}`);
console.log(`  Hive Gateway 2.15.1 + catalog policy plugin (+ decision call): ${fmt(theirs)}`);
console.log(
  `  ratio Hive/hub: median ${(quantile(theirs, 0.5) / quantile(ours, 0.5)).toFixed(2)}, p95 ${(quantile(theirs, 0.95) / quantile(ours, 0.95)).toFixed(2)}`,
);
await hive.dispose();
await hub.stop();
