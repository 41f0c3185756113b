import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { cpuMs, hubNodeFlags, nodeArgs, treeCpuMs } from './processStats.ts';

/**
 * `pnpm bench:fedtax [rounds]`: the federation tax. The 808-person Roster of 中州市人民医院 through the
 * gateway (the hub as `pnpm start` runs it, in its own process, on PostgreSQL) against one hand-written
 * SQL statement over the same tables (the offices' schemas `staffing`, `hr`, `organization`, `finance`
 * of the one database DATABASE_URL gives the hub), one at a time and 10 in flight, each answer checked
 * byte for byte (both as compact JSON) against the statement's. Prints both times and the ratios.
 *
 * The hub's database is kept between runs (`hub_fedtax` on DATABASE_URL's server, or FEDTAX_DATABASE):
 * the first run loads the demo city into it; `--fresh` drops it first. `--split` sends the requests to a
 * second gateway in a process of its own (`gateway/src/index.ts` over the hub's subgraphs), so that the
 * hub's process does the subgraphs' work only (profile it: FEDTAX_HUB_NODE_ARGS="--cpu-prof"; the gateway's process:
 * FEDTAX_GATEWAY_NODE_ARGS).
 * `--multi` runs the hub as `pnpm start:multi` does instead (each office, the catalog and the gateway a
 * process of its own, as deployed): the CPU printed is then the sum over all of them.
 * Loopback only; stops by itself.
 */
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const split = args.includes('--split');
const multi = args.includes('--multi');
if (split && multi) throw new Error('--split and --multi: one or the other');
const ROUNDS = Number(args.find((a) => /^\d+$/.test(a)) ?? 40);
const IN_FLIGHT = 10;
const CODE = '124101000192997865'; // 中州市人民医院, 808 persons
const ROSTER = `query Roster($code: ID!) { institution(creditCode: $code) { name fundingForm quotas { category approved occupied vacant }
  leadershipPostsFilled budgetUnit { fundingForm budgetedHeadcount } workforce(first: 1000) { totalCount nodes { type
  person { name gender birthDate ledgerEntry { staffingCardNumber } cadre { post } payroll { onPayroll lastPaidMonth } } } } } }`;
const SQL = readFileSync(new URL('./fedtaxRoster.sql', import.meta.url), 'utf8');

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.FEDTAX_DATABASE ?? 'hub_fedtax';
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`FEDTAX_DATABASE must be a plain lower-case name, not ${dbName}`);
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
if (fresh) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
if (!exists) await admin.unsafe(`create database ${dbName}`);
await admin.end();
const hubUrl = new URL(serverUrl);
hubUrl.pathname = `/${dbName}`;

const repo = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'fedtax-'));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  APOLLO_TELEMETRY_DISABLED: 'true',
  DATABASE_URL: hubUrl.toString(),
  DATA_DIR: dataDir,
  PORT: '0',
  SUBGRAPH_PORTS: '0',
  HOST: '127.0.0.1',
  DEMO_DATA: 'true',
  JWT_SECRET: randomBytes(32).toString('hex'),
  SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
  OPERATION_LOG_KEY: randomBytes(32).toString('hex'),
  // One token sends every request: a budget it cannot reach (the limiter still runs on each).
  RATE_LIMIT_AUTHENTICATED: '100000,0',
  // --multi: every service on a free port, and no scheduled verification run during the measurement.
  ...(multi ? { ORGANIZATION_PORT: '0', STAFFING_PORT: '0', HR_PORT: '0', FINANCE_PORT: '0', CATALOG_PORT: '0', VERIFICATION_SCHEDULE: 'off' } : {}),
};

console.log(`starting the hub on PostgreSQL (${dbName}${exists && !fresh ? ', kept from an earlier run' : ', loading the demo city'}) …`);
const hub: ChildProcess = spawn(
  process.execPath,
  [...hubNodeFlags(), '--import', 'tsx', ...nodeArgs('FEDTAX_HUB_NODE_ARGS'), multi ? 'hub/src/startMulti.ts' : 'hub/src/start.ts'],
  {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  },
);
/** Resolves with the first match of `pattern` in the child's output (the URL it prints once it listens). */
const printed = (child: ChildProcess, pattern: RegExp) =>
  new Promise<RegExpExecArray>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before it listened:\n${out}`)));
  });
let output = '';
hub.stdout!.on('data', (chunk: Buffer) => {
  output += chunk.toString();
});
let gatewayUrl = (await printed(hub, /网关 \/ gateway: (\S+)/))[1]!;
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    // The launcher of --multi stops its services in order itself; anything else with its whole group.
    process.kill(multi && child === hub ? child.pid! : -child.pid!, 'SIGTERM');
  });
let gateway: ChildProcess | undefined;
if (split) {
  const subgraphUrls = [...output.matchAll(/ {2}(\w+) 子图已启动 \/ subgraph up at (\S+)/g)].map((m) => `${m[1]}=${m[2]}`).join(',');
  gateway = spawn(process.execPath, [...hubNodeFlags(), '--import', 'tsx', ...nodeArgs('FEDTAX_GATEWAY_NODE_ARGS'), 'gateway/src/index.ts'], {
    cwd: repo,
    env: { ...env, SUBGRAPH_URLS: subgraphUrls },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  gatewayUrl = (await printed(gateway, /网关 \/ gateway: (\S+)/))[1]!;
}
/** CPU time (user + system, ms) each of our processes has used so far, from /proc (Linux; elsewhere undefined); with --multi, the launcher's and its services'. */
const processCpu = () => {
  const read = (child: ChildProcess | undefined) => (child?.pid ? (multi ? treeCpuMs : cpuMs)(child.pid) : undefined);
  try {
    return { hub: read(hub), gateway: read(gateway) };
  } catch {
    return undefined;
  }
};
const stopHub = async () => {
  if (gateway) await stop(gateway);
  await stop(hub);
};

try {
  const token = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'gateway/src/identity/tokenCli.ts', '--office', 'organization', '--role', 'OPERATOR', '--sub', 'fedtax'],
    {
      cwd: repo,
      env,
      encoding: 'utf8',
    },
  ).trim();
  const sql = postgres(hubUrl.toString(), { max: IN_FLIGHT, onnotice: () => {} });
  const body = JSON.stringify({ query: ROSTER, variables: { code: CODE } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-hub-purpose': encodeURIComponent('性能测试') };

  /** Each side returns the answer's text as its client receives it; the check reads it after the clock stops. */
  const viaHub = async () => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers, body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`gateway answered ${response.status}: ${text.slice(0, 300)}`);
    return text;
  };
  const viaSql = async () => ((await sql.unsafe(SQL, [CODE])) as unknown as { data: string }[])[0]!.data;

  const expected = JSON.stringify(JSON.parse(await viaSql()));
  /** Both sides as compact JSON, keys in the order received: the gateway's `data` must be the statement's text byte for byte. */
  const check = (side: 'gateway' | 'sql', texts: string[]) => {
    for (const text of texts) {
      const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
      const actual = side === 'gateway' ? (parsed.errors ? text : JSON.stringify(parsed.data)) : JSON.stringify(parsed);
      if (actual !== expected) throw new Error(`${side}: the answer differs from the SQL statement's (${actual.slice(0, 300)} …)`);
    }
  };

  const timed = async (run: () => Promise<string>) => {
    const t0 = performance.now();
    const text = await run();
    return { ms: performance.now() - t0, text };
  };
  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms`;

  for (let i = 0; i < 10; i++) check('gateway', [await viaHub()]);
  for (let i = 0; i < 10; i++) check('sql', [await viaSql()]);

  // One at a time, alternating so that both see the same machine load.
  const hubMs: number[] = [];
  const sqlMs: number[] = [];
  const hubTexts: string[] = [];
  const sqlTexts: string[] = [];
  const cpuBefore = processCpu();
  for (let i = 0; i < ROUNDS; i++) {
    const a = await timed(viaHub);
    const b = await timed(viaSql);
    hubMs.push(a.ms);
    sqlMs.push(b.ms);
    hubTexts.push(a.text);
    sqlTexts.push(b.text);
  }
  const cpuAfter = processCpu();
  check('gateway', hubTexts);
  check('sql', sqlTexts);
  const bytes = Buffer.byteLength(expected);
  console.log(
    `808-person Roster${split ? ' (gateway in its own process)' : multi ? ' (every service in its own process)' : ''}, ${ROUNDS} requests each, one at a time (answers identical, ${bytes} bytes of data as compact JSON):`,
  );
  console.log(`  gateway: ${fmt(hubMs)}`);
  console.log(`  one SQL statement: ${fmt(sqlMs)}`);
  const oneRatio = quantile(hubMs, 0.5) / quantile(sqlMs, 0.5);
  console.log(`  ratio (median gateway / median SQL): ${oneRatio.toFixed(2)}  (target ≤ 3)`);
  if (cpuBefore && cpuAfter) {
    const perRequest = (key: keyof typeof cpuBefore) => (((cpuAfter[key] ?? 0) - (cpuBefore[key] ?? 0)) / ROUNDS).toFixed(1);
    console.log(
      split
        ? `  CPU per request: the subgraphs' process ${perRequest('hub')} ms, the gateway's process ${perRequest('gateway')} ms`
        : `  CPU per request: the hub's ${multi ? 'processes' : 'process'} (gateway and subgraphs) ${perRequest('hub')} ms`,
    );
  }

  // IN_FLIGHT at once: each side sends ROUNDS * 2 requests from IN_FLIGHT workers; two rounds each, alternating.
  const inFlight = async (run: () => Promise<string>) => {
    const total = ROUNDS * 2;
    let next = 0;
    const ms: number[] = [];
    const texts: string[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next++ < total) {
          const r = await timed(run);
          ms.push(r.ms);
          texts.push(r.text);
        }
      }),
    );
    return { perSecond: (total * 1000) / (performance.now() - t0), ms, texts };
  };
  const hubRounds: Awaited<ReturnType<typeof inFlight>>[] = [];
  const sqlRounds: Awaited<ReturnType<typeof inFlight>>[] = [];
  for (let round = 0; round < 2; round++) {
    hubRounds.push(await inFlight(viaHub));
    sqlRounds.push(await inFlight(viaSql));
  }
  for (const r of hubRounds) check('gateway', r.texts);
  for (const r of sqlRounds) check('sql', r.texts);
  const rate = (rounds: typeof hubRounds) => rounds.reduce((s, r) => s + r.perSecond, 0) / rounds.length;
  const all = (rounds: typeof hubRounds) => rounds.flatMap((r) => r.ms);
  console.log(`${IN_FLIGHT} in flight, ${ROUNDS * 4} requests each (answers identical):`);
  console.log(`  gateway: ${rate(hubRounds).toFixed(1)} req/s, ${fmt(all(hubRounds))}`);
  console.log(`  one SQL statement: ${rate(sqlRounds).toFixed(1)} req/s, ${fmt(all(sqlRounds))}`);
  console.log(
    `  ratio (SQL req/s / gateway req/s): ${(rate(sqlRounds) / rate(hubRounds)).toFixed(2)}; median latency ratio ${(quantile(all(hubRounds), 0.5) / quantile(all(sqlRounds), 0.5)).toFixed(2)}`,
  );
  await sql.end();
} finally {
  await stopHub();
  rmSync(dataDir, { recursive: true, force: true });
}
