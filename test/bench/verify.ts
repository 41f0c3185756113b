import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startHub } from '@hub/launcher';
import { generateCity, type Planted } from '@hub/launcher/demo';
import { addMonths, beijingDay, beijingMonth, endOfBeijingMonth, previousMonth } from '@hub/schema';
import { createFreshDatabase } from '@hub/schema/testing';
import postgres from 'postgres';
import { sqlFindingKey, sqlFindings } from './verify/findingsSql.ts';
import { nodeArgs } from './processStats.ts';

/**
 * `pnpm bench:verify`: the verification run (机构编制核查) at scale, against plain SQL. Generates the
 * demo city at 100,000 persons and 3,000 institutions (its planted problems with it) into a fresh
 * PostgreSQL database (DATABASE_URL names the server; dropped at the end), then:
 * 1. in a process of its own (verify/runThroughHub.ts), starts the hub on it and runs the full
 *    verification through the gateway as the coordination group: the time and that process's peak RSS;
 * 2. computes the same findings with one SQL statement per type over the offices' schemas of that one
 *    database (verify/findingsSql.ts), as if the four offices' tables sat together;
 * 3. checks both found exactly the same findings (type and subject: the finding's key), and every
 *    planted problem among them exactly once; prints both times, their ratio, the findings per type.
 * BENCH_PERSONS / BENCH_INSTITUTIONS size the city; BENCH_PROFILE=<folder> writes a CPU profile of the
 * run alone there; BENCH_NODE_ARGS are given to the run's process. Loopback only; stops by itself.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const INSTITUTIONS = Number(process.env.BENCH_INSTITUTIONS ?? 3_000);
/** The demo city's "today" is 2026-11-01; the hub runs on 2026-11-02 (Beijing), October ended, as in the e2e tests. */
const NOW = new Date('2026-11-02T02:00:00Z');
/** The Staffing Office's HIRING_APPROVAL_MONTHS default. */
const APPROVAL_MONTHS = 6;

interface HubRun {
  runId: number;
  ms: number;
  status: string;
  error: string | null;
  findingCount: number;
  rssBefore: number;
  maxRss: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Generates the city and loads it through the offices' own seeding (migrations included); keeps only what is planted. */
async function load(url: string): Promise<Planted> {
  let city: ReturnType<typeof generateCity> | null = generateCity({ institutions: INSTITUTIONS, persons: PERSONS });
  const { planted } = city;
  const seed = city;
  const hub = await startHub({ databaseUrl: url, port: 0, subgraphPorts: 0, seed: () => seed, verificationPollMs: 0, verificationSchedules: [] });
  await hub.stop();
  city = null;
  return planted;
}

/** The hub's run, in its own process. */
function runThroughHub(url: string): Promise<HubRun> {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs('BENCH_NODE_ARGS'),
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL('./verify/runThroughHub.ts', import.meta.url)),
      url,
      NOW.toISOString(),
      ...(process.env.BENCH_PROFILE ? [process.env.BENCH_PROFILE] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`the hub's run exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as HubRun);
    });
  });
}

/** Each planted problem is among the findings exactly once (its type, about its person or institution). */
function plantedProblems(planted: Planted, keys: string[]): string[] {
  const found = keys.map((k) => k.split('|') as [string, string, string, string]);
  const count = (type: string, match: (id: string, cc: string, extra: string) => boolean) =>
    found.filter(([t, id, cc, extra]) => t === type && match(id, cc, extra)).length;
  const p = planted;
  const checks: [string, number][] = [
    ['removedStillPaid: PAID_NOT_ON_ROSTER', count('PAID_NOT_ON_ROSTER', (id) => id === p.removedStillPaid.idNumber)],
    ['overQuota: OVER_QUOTA', count('OVER_QUOTA', (_, cc, category) => cc === p.overQuota.creditCode && category === p.overQuota.category)],
    ['uninsured: IN_QUOTA_NOT_INSURED', count('IN_QUOTA_NOT_INSURED', (id) => id === p.uninsured.idNumber)],
    ['twoCards: DUPLICATE_CARD', count('DUPLICATE_CARD', (id) => id === p.twoCards.idNumber)],
    [
      'mistypedId: NEAR_DUPLICATE_PERSON',
      count(
        'NEAR_DUPLICATE_PERSON',
        (id, cc, extra) => id === p.mistypedId.trueIdNumber && cc === p.mistypedId.creditCode && extra === p.mistypedId.mistypedIdNumber,
      ),
    ],
    ['fundingMismatch: FUNDING_FORM_MISMATCH', count('FUNDING_FORM_MISMATCH', (_, cc) => cc === p.fundingMismatch.creditCode)],
    ['cadreNotOnLedger: CADRE_NOT_ON_ROSTER', count('CADRE_NOT_ON_ROSTER', (id) => id === p.cadreNotOnLedger.idNumber)],
  ];
  return checks.filter(([, n]) => n !== 1).map(([name, n]) => `${name} found ${n} times`);
}

/** BENCH_DATABASE: a database of that name is kept between runs (loaded when empty), for profiling; otherwise a fresh one, dropped. */
const kept = process.env.BENCH_DATABASE;
const fresh = kept ? null : await createFreshDatabase(SERVER);
const url = fresh?.url ?? Object.assign(new URL(SERVER), { pathname: `/${kept}` }).toString();
if (kept) {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${kept}`;
  if (!exists) await admin.unsafe(`create database "${kept.replace(/"/g, '')}"`);
  await admin.end();
}
const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { jit: 'off' } });
try {
  let t = performance.now();
  const [loaded] = await sql`select 1 from information_schema.tables where table_schema = 'hr' and table_name = 'persons'`;
  const planted =
    loaded && (await sql`select 1 from hr.persons limit 1`).length ? generateCity({ institutions: INSTITUTIONS, persons: PERSONS }).planted : await load(url);
  // Statistics for the planner, as after any bulk load (both sides read the same tables).
  await sql`analyze`;
  console.log(
    `${PERSONS.toLocaleString('en')} persons, ${INSTITUTIONS.toLocaleString('en')} institutions generated and loaded in ${seconds(performance.now() - t)}`,
  );
  const [counts] = await sql<Record<string, number>[]>`select
    (select count(*)::int from hr.persons) as "HR persons", (select count(*)::int from staffing.ledger_entries) as "ledger entries",
    (select count(*)::int from finance.payroll_records) as "payroll records", (select count(*)::int from organization.cadres) as cadres,
    (select count(*)::int from staffing.institutions) as institutions`;
  console.log(
    `  ${Object.entries(counts!)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );

  const hubRun = await runThroughHub(url);
  console.log(`run through the hub: ${hubRun.status} in ${seconds(hubRun.ms)}`);
  if (hubRun.status !== 'SUCCEEDED') throw new Error(`the run ${hubRun.status}: ${hubRun.error}`);
  const hubKeys = (
    await sql<{ key: string }[]>`select f.key from catalog.run_findings r join catalog.findings f on f.id = r.finding_id
      where r.run_id = ${hubRun.runId} and r.change <> 'RESOLVED'`
  ).map((r) => r.key);

  const today = beijingDay(NOW);
  const reportMonth = previousMonth(beijingMonth(NOW));
  t = performance.now();
  const bare = await sqlFindings(sql, {
    now: NOW,
    today,
    month: beijingMonth(NOW),
    reportMonth,
    reportMonthEnd: endOfBeijingMonth(reportMonth),
    unusedApprovedOnOrBefore: addMonths(today, -APPROVAL_MONTHS),
  });
  const sqlMs = performance.now() - t;
  const sqlKeys = bare.findings.map(sqlFindingKey);

  const hubSet = new Set(hubKeys);
  const sqlSet = new Set(sqlKeys);
  const onlyHub = hubKeys.filter((k) => !sqlSet.has(k));
  const onlySql = sqlKeys.filter((k) => !hubSet.has(k));
  const repeated = sqlKeys.length - sqlSet.size;
  const perType = new Map<string, number>();
  for (const k of hubKeys) perType.set(k.split('|')[0]!, (perType.get(k.split('|')[0]!) ?? 0) + 1);

  console.log(`findings per type (hub; SQL statement time):`);
  for (const type of Object.keys(bare.ms)) {
    console.log(`  ${type.padEnd(29)} ${String(perType.get(type) ?? 0).padStart(6)}   (${bare.ms[type]!.toFixed(0)} ms)`);
  }
  console.log(`  ${'total'.padEnd(29)} ${String(hubKeys.length).padStart(6)}`);
  const problems = [
    ...(onlyHub.length ? [`${onlyHub.length} found by the hub only, e.g. ${onlyHub.slice(0, 5).join(', ')}`] : []),
    ...(onlySql.length ? [`${onlySql.length} found by SQL only, e.g. ${onlySql.slice(0, 5).join(', ')}`] : []),
    ...(repeated ? [`${repeated} found twice by SQL`] : []),
    ...(hubRun.findingCount !== hubKeys.length ? [`the run counts ${hubRun.findingCount} findings, stores ${hubKeys.length}`] : []),
    ...plantedProblems(planted, hubKeys),
  ];
  console.log(problems.length ? `MISMATCH:\n  ${problems.join('\n  ')}` : `both found the same ${hubKeys.length} findings; every planted problem exactly once`);
  console.log(`full run through the hub: ${seconds(hubRun.ms)} (target ≤ 10 s)`);
  console.log(`plain SQL, ${Object.keys(bare.ms).length} statements: ${seconds(sqlMs)}`);
  console.log(`ratio hub / SQL: ${(hubRun.ms / sqlMs).toFixed(2)} (target ≤ 5)`);
  console.log(`peak memory of the hub's process: ${mb(hubRun.maxRss)} RSS high-water (${mb(hubRun.rssBefore)} before the run)`);
  if (problems.length) process.exitCode = 1;
} finally {
  await sql.end();
  await fresh?.drop();
}
