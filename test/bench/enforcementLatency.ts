import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@hub/schema/contracts';
import { startGateway } from '@hub/gateway';
import { startHub } from '@hub/launcher';
import { generateCity } from '@hub/launcher/demo';

/**
 * `pnpm bench:enforcement`: median latency of the foundation's cross-office roster query through a
 * gateway with catalog enforcement and the operation log, and through a second gateway over the same
 * subgraphs with both switched off. Loopback only; bounded; stops by itself.
 */
const ROUNDS = Number(process.argv[2] ?? 300);
const ROSTER = `query Roster($code: ID!) { institution(creditCode: $code) { name fundingForm quotas { category approved occupied vacant }
  leadershipPostsFilled budgetUnit { fundingForm budgetedHeadcount } workforce(first: 1000) { totalCount nodes { type
  person { idNumber name gender birthDate insurance { enrolled } ledgerEntry { staffingCardNumber } cadre { post } payroll { onPayroll lastPaidMonth } } } } } }`;

const city = generateCity();
const secret = randomBytes(32).toString('hex');
const jwtSecret = randomBytes(32).toString('hex');
console.log('starting the hub (PGlite in memory, demo city) …');
// One token sends every request back to back: a budget it cannot reach (the limiter still runs on each).
const rateLimits = { authenticated: { perSecond: 100_000, burst: 0 } };
const hub = await startHub({ port: 0, subgraphPorts: 0, seed: () => city, subgraphSecret: secret, jwtSecret, rateLimits });
const bare = await startGateway({
  supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
  subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url])),
  port: 0,
  host: '127.0.0.1',
  subgraphSecret: secret,
  jwtSecret,
  operationLogKey: secret,
  database: {},
  enforcement: false,
  rateLimits,
  catalog: hub.catalog,
});
const token = await hub.gateway.tokens.sign({ office: 'organization', role: 'OPERATOR', sub: 'bench' });

async function once(url: string, code: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-hub-purpose': encodeURIComponent('性能测试') },
    body: JSON.stringify({ query: ROSTER, variables: { code } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return ms;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
for (const [label, code] of [
  ['5 persons', city.planted.smallInstitution.creditCode],
  ['808 persons', city.planted.largeInstitution.creditCode],
] as const) {
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 20; i++) {
    await once(hub.url, code);
    await once(bare.url, code);
  }
  // Alternate so that both see the same machine load.
  for (let i = 0; i < ROUNDS; i++) {
    on.push(await once(hub.url, code));
    off.push(await once(bare.url, code));
  }
  const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms`;
  console.log(`roster of ${label}, ${ROUNDS} requests each: enforcement+log on: ${fmt(on)} | off: ${fmt(off)}`);
}
const verified = await hub.gateway.log.verify();
console.log(`operation log: ${verified.entries} entries, chain ${verified.ok ? 'intact' : 'BROKEN'}`);
await bare.stop();
await hub.stop();
