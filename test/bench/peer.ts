import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SUPERGRAPH_PATH } from '@hub/schema/contracts';
import postgres from 'postgres';
import { Pool } from 'undici';
import { createTokenService } from '../../gateway/src/identity/tokens.ts';
import { cpuMs, hubNodeFlags, nodeArgs, peakMb } from './processStats.ts';

/**
 * `pnpm bench:peer` (README, "How fast the gateway is, beside Hive Gateway"): this hub's gateway and
 * The Guild's Hive Gateway 2.15.1, each in its own process, over the same five subgraphs in a third
 * process on a fresh PostgreSQL database with the demo city. The README's Roster query for 5 and 808
 * persons at 10 and 50 connections, the gateways taking turns round by round, each answer checked
 * against the first gateway's data. Prints req/s, latency percentiles, the gateway process's CPU per
 * request (/proc/<pid>/stat over the round) and its peak memory (VmHWM), and the ratios.
 *
 * BENCH_DATABASE_URL: the PostgreSQL server (a fresh database is created there and dropped after);
 * BENCH_SECONDS (5), BENCH_ROUNDS (2), BENCH_ONLY (comma list of variant names) shorten or narrow it;
 * BENCH_CASES (comma list of persons/connections, such as 5/10,808/50) runs only those;
 * BENCH_PROFILE=<folder> writes a CPU profile of each gateway process and of the subgraphs' there (node --cpu-prof);
 * BENCH_GATEWAY_NODE_ARGS adds Node flags to every gateway process (`--perf-basic-prof` for Linux perf).
 * Loopback only; bounded; stops by itself.
 */
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = 1;
const PROFILE = [
  ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
  // Node flags of every gateway process (`--perf-basic-prof` for Linux perf, say).
  ...nodeArgs('BENCH_GATEWAY_NODE_ARGS'),
];
const ROSTER = `query Roster($code: ID!) { institution(creditCode: $code) { name fundingForm quotas { category approved occupied vacant } leadershipPostsFilled budgetUnit { fundingForm budgetedHeadcount } workforce(first: 1000) { totalCount nodes { type person { name gender birthDate ledgerEntry { staffingCardNumber } cadre { post } payroll { onPayroll lastPaidMonth } } } } } }`;

interface Variant {
  name: string;
  /** ours: GatewayOptions on top of the defaults; hive: HIVE_MODE. */
  ours?: Record<string, unknown>;
  hive?: 'shipped' | 'nomerge' | 'rust';
}
const VARIANTS: Variant[] = (
  [
    { name: 'ours', ours: {} },
    { name: 'ours-nomerge', ours: { mergeFetches: false } },
    { name: 'ours-nolog', ours: { mergeFetches: false, logAppends: false } },
    { name: 'ours-bare', ours: { mergeFetches: false, enforcement: false } },
    { name: 'hive-nomerge', hive: 'nomerge' },
    { name: 'hive', hive: 'shipped' },
    { name: 'hive-rust', hive: 'rust' },
  ] satisfies Variant[]
).filter((v) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(v.name));

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** Starts `node --import tsx file` and resolves with the JSON of its first stdout line. */
function launch<T>(file: string, env: Record<string, string>, flags: string[] = []): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', file], {
    env: { ...process.env, NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, ready: JSON.parse(line) as T }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
}

interface RoundResult {
  requests: number;
  failures: number;
  seconds: number;
  latencies: number[];
  cpuMs: number;
  /** CPU the subgraphs' process used over the round, in ms. */
  subgraphCpuMs: number;
}

/** `connections` keep-alive connections, each sending the request again as soon as it is answered, for `seconds`. */
async function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  pid?: number,
  subgraphsPid?: number,
): Promise<RoundResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const cpu0 = pid ? cpuMs(pid) : 0;
  const subgraphCpu0 = subgraphsPid ? cpuMs(subgraphsPid) : 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        try {
          const response = await pool.request({ path: target.pathname, method: 'POST', headers, body });
          const text = await response.body.text();
          if (response.statusCode !== 200 || text.includes('"errors"')) failures++;
          else latencies.push(performance.now() - start);
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = pid ? cpuMs(pid) - cpu0 : 0;
  const subgraphCpu = subgraphsPid ? cpuMs(subgraphsPid) - subgraphCpu0 : 0;
  await pool.close();
  return { requests: latencies.length, failures, seconds: elapsed, latencies, cpuMs: cpu, subgraphCpuMs: subgraphCpu };
}

const quantile = (xs: number[], q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : Number.NaN);

const database = `bench_peer_${Date.now()}`;
const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${database}`);
const databaseUrl = Object.assign(new URL(SERVER), { pathname: `/${database}` }).toString();
const work = mkdtempSync(join(tmpdir(), 'bench-peer-'));
try {
  const secret = randomBytes(32).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  console.log(`subgraphs: starting on ${database} and loading the demo city …`);
  const subgraphs = await launch<{ urls: Record<string, string>; small: string; large: string }>(
    'test/bench/peer/subgraphs.ts',
    {
      DATABASE_URL: databaseUrl,
      SUBGRAPH_SECRET: secret,
    },
    hubNodeFlags(),
  );
  const { urls } = subgraphs.ready;
  // Both gateways read the subgraphs' URLs from the supergraph file: one with the bench's ports.
  let sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  for (const [name, url] of Object.entries(urls)) sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`), `$1${url}`);
  const supergraphFile = join(work, 'supergraph.graphql');
  writeFileSync(supergraphFile, sdl);
  const common = { SUBGRAPH_SECRET: secret, JWT_SECRET: jwtSecret, SUBGRAPH_URLS_JSON: JSON.stringify(urls), SUPERGRAPH_FILE: supergraphFile };

  const gateways: { variant: Variant; url: string; pid: number }[] = [];
  for (const variant of VARIANTS) {
    const started = variant.hive
      ? await launch<{ url: string }>('test/bench/peer/hiveGateway.ts', { ...common, HIVE_MODE: variant.hive }, PROFILE)
      : await launch<{ url: string }>(
          'test/bench/peer/ourGateway.ts',
          { ...common, DATABASE_URL: databaseUrl, OPERATION_LOG_KEY: secret, BENCH_GATEWAY: JSON.stringify(variant.ours) },
          [...hubNodeFlags(), ...PROFILE],
        );
    gateways.push({ variant, url: started.ready.url, pid: started.child.pid! });
    console.log(`${variant.name}: ${started.ready.url} (pid ${started.child.pid})`);
  }

  const token = await createTokenService(jwtSecret).sign({ office: 'organization', role: 'OPERATOR', sub: 'bench' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-hub-purpose': encodeURIComponent('性能测试') };
  const cases = [
    { label: '5 persons', code: subgraphs.ready.small },
    { label: '808 persons', code: subgraphs.ready.large },
  ];

  // Identical data: every gateway's answer to each case is the first one's, byte for byte.
  for (const { label, code } of cases) {
    const body = JSON.stringify({ query: ROSTER, variables: { code } });
    let reference: string | undefined;
    for (const g of gateways) {
      const response = await fetch(g.url, { method: 'POST', headers, body });
      const json = (await response.json()) as { data?: unknown; errors?: unknown };
      if (json.errors || !json.data) throw new Error(`${g.variant.name} answered ${label} with errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
      const data = JSON.stringify(json.data);
      reference ??= data;
      if (data !== reference) throw new Error(`${g.variant.name}'s data for ${label} differs from ${gateways[0]!.variant.name}'s`);
    }
    const persons = (JSON.parse(reference!) as { institution: { workforce: { nodes: unknown[] } } }).institution.workforce.nodes.length;
    console.log(`identical data for ${label}: ${gateways.length} gateways, ${persons} persons, ${reference!.length} bytes`);
  }

  const rows: string[] = [];
  const summary = new Map<string, { rps: number; cpu: number }>();
  for (const { label, code } of cases) {
    const body = JSON.stringify({ query: ROSTER, variables: { code } });
    for (const connections of [10, 50]) {
      if (process.env.BENCH_CASES && !process.env.BENCH_CASES.split(',').includes(`${label.split(' ')[0]}/${connections}`)) continue;
      const results = new Map<string, RoundResult[]>();
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order, so that no gateway always follows the same one.
        const order = round % 2 === 0 ? gateways : [...gateways].reverse();
        for (const g of order) {
          await load(g.url, body, headers, connections, WARMUP_SECONDS);
          const result = await load(g.url, body, headers, connections, SECONDS, g.pid, subgraphs.child.pid);
          results.set(g.variant.name, [...(results.get(g.variant.name) ?? []), result]);
        }
      }
      console.log(`\nRoster of ${label}, ${connections} connections, ${ROUNDS} × ${SECONDS} s each:`);
      console.log("  gateway         req/s    p50 ms   p95 ms   p99 ms   CPU ms/req   failed   subgraphs' CPU ms/req");
      for (const g of gateways) {
        const rounds = results.get(g.variant.name)!;
        const requests = rounds.reduce((n, r) => n + r.requests, 0);
        const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
        const cpu = rounds.reduce((n, r) => n + r.cpuMs, 0);
        const failures = rounds.reduce((n, r) => n + r.failures, 0);
        const subgraphCpu = rounds.reduce((n, r) => n + r.subgraphCpuMs, 0);
        const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
        const rps = requests / seconds;
        summary.set(`${label}/${connections}/${g.variant.name}`, { rps, cpu: cpu / Math.max(1, requests + failures) });
        const line = `  ${g.variant.name.padEnd(14)} ${rps.toFixed(1).padStart(6)} ${quantile(latencies, 0.5).toFixed(1).padStart(9)} ${quantile(latencies, 0.95).toFixed(1).padStart(8)} ${quantile(latencies, 0.99).toFixed(1).padStart(8)} ${(cpu / Math.max(1, requests + failures)).toFixed(2).padStart(12)} ${String(failures).padStart(8)} ${(subgraphCpu / Math.max(1, requests + failures)).toFixed(2).padStart(12)}`;
        console.log(line);
        rows.push(`${label}/${connections}: ${line.trim()}`);
      }
    }
  }

  // Every request of ours appended to one log (our gateway processes share it): `pnpm audit:verify` over it.
  if (gateways.some((g) => g.variant.ours)) {
    const verify = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/audit/verifyCli.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, OPERATION_LOG_KEY: secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    verify.stdout.on('data', (chunk) => {
      printed += chunk;
    });
    const code = await new Promise((resolve) => verify.once('exit', resolve));
    console.log(`\npnpm audit:verify (exit ${code}): ${printed.split('\n').find((l) => l.includes('intact') || l.includes('TAMPERED')) ?? printed}`);
  }

  console.log('\npeak memory (VmHWM):');
  const memory = new Map(gateways.map((g) => [g.variant.name, peakMb(g.pid)]));
  for (const [name, mb] of memory) console.log(`  ${name.padEnd(14)} ${mb.toFixed(0)} MB`);

  const ratio = (a: string, b: string, key: 'rps' | 'cpu', at = '5 persons/10') => {
    const x = summary.get(`${at}/${a}`)?.[key];
    const y = summary.get(`${at}/${b}`)?.[key];
    return x === undefined || y === undefined ? 'n/a' : `${(x / y).toFixed(2)}×`;
  };
  console.log('\nratios (5 persons, 10 connections unless named):');
  console.log(`  req/s ours-nomerge / hive-nomerge: ${ratio('ours-nomerge', 'hive-nomerge', 'rps')} (target ≥ 1.5×)`);
  console.log(`  req/s ours / hive (both merging): ${ratio('ours', 'hive', 'rps')} (target ≥ 1×)`);
  console.log(`  req/s ours / hive-rust: ${ratio('ours', 'hive-rust', 'rps')}`);
  console.log(`  CPU/req ours-nomerge / hive-nomerge: ${ratio('ours-nomerge', 'hive-nomerge', 'cpu')} (target ≤ 0.5×)`);
  console.log(`  CPU/req ours-nomerge / hive-nomerge, 808 persons: ${ratio('ours-nomerge', 'hive-nomerge', 'cpu', '808 persons/10')}`);
  console.log(
    `  req/s log on / log off (ours-nomerge / ours-nolog), 5 persons, 50 connections: ${ratio('ours-nomerge', 'ours-nolog', 'rps', '5 persons/50')} (target ≥ 0.9×)`,
  );
  console.log(`  req/s enforcement on / off (ours-nomerge / ours-bare): ${ratio('ours-nomerge', 'ours-bare', 'rps')}`);
  const ours = Math.max(...[...memory].filter(([n]) => n.startsWith('ours')).map(([, mb]) => mb));
  const hive = Math.min(...[...memory].filter(([n]) => n.startsWith('hive')).map(([, mb]) => mb));
  console.log(`  peak memory, largest of ours / smallest of Hive's: ${(ours / hive).toFixed(2)}× (target < 1×)`);
} finally {
  stopAll();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
