import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService } from '@hub/gateway/tokens';
import { generateCity } from '@hub/launcher/demo';
import { type FreshDatabase, createFreshDatabase, testConfig } from '@hub/schema/testing';
import { SERVICE_SUBGRAPHS, type ServiceName } from '@hub/schema/contracts';

/**
 * The multi-process deployment as an operator runs it (README, "Running as separate services"): the
 * seed step, each office's subgraph and the catalog started by their own commands, and TWO gateway
 * processes, all real child processes on the machine's PostgreSQL, each service on a database of its
 * own (the two gateways share theirs), rate limits in Redis. Both gateways answer alike; a grant
 * revoked through one is refused by the other within a second; both count one rate-limit budget; a
 * removal's stop-pay notice reaches Finance once with two relays running; /ready follows an office
 * that stops answering; two catalog services, each with its verification worker reading through
 * gateway 1, run a run started through gateway 1 once, and each schedule's run once (findings read
 * through gateway 2). It needs real PostgreSQL: DATABASE_URL's server, else the machine's.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = testConfig.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';
const DEMO = { institutions: 140, persons: 1400 };
const city = generateCity(DEMO);
const SECRETS = {
  SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
  JWT_SECRET: randomBytes(32).toString('hex'),
  OPERATION_LOG_KEY: randomBytes(32).toString('hex'),
};
const tokens = createTokenService(SECRETS.JWT_SECRET);
const prefix = `hub-test-multi:${randomUUID()}`;
/**
 * The gateways' budget per identity: 1 a second and a burst of 40 per two minutes. Low enough to exhaust
 * quickly, high enough for the other tests' identities, and with so slow a refill that however long a
 * busy machine takes, one shared budget stays far from the 2 × 41 two budgets of their own would allow.
 */
const BUDGET = { perSecond: 1, burst: 40 };

interface Service {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}
const services: Service[] = [];
const databases: FreshDatabase[] = [];
let dataDir: string;
let env: NodeJS.ProcessEnv;
let gateways: string[] = [];
const subgraphUrls = {} as Record<ServiceName, string>;
const started = Date.now();

/** `pnpm <args>` in its own process group (so the test ends it and everything it started), with `extra` over the shared environment. */
function run(name: string, args: string[], extra: NodeJS.ProcessEnv = {}): Service {
  const child = spawn('pnpm', args, { cwd: ROOT, env: { ...env, ...extra }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const service = { name, child, output: () => text, exited };
  services.push(service);
  return service;
}

/** The first match of `pattern` in the service's output, or a failure with that output when it ends or `ms` pass first. */
async function waitFor(service: Service, pattern: RegExp, ms = 180_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = pattern.exec(service.output());
    if (match) return match[1] ?? match[0];
    if (service.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service.name}: no ${pattern}; output:\n${service.output()}`);
}

/** A port free on loopback now (gateway 1's, which the catalog services' workers must know before it starts). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Signals a service's whole process group (pnpm, node and anything below). */
function signalGroup(service: Service, signal: NodeJS.Signals) {
  try {
    process.kill(-service.child.pid!, signal);
  } catch {}
}

/** Whether any process of the service's group is still running. */
function groupAlive(service: Service): boolean {
  try {
    process.kill(-service.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

const bearer = async (office: string, role: string, sub = `${office}-${role.toLowerCase()}`) => ({
  authorization: `Bearer ${await tokens.sign({ office, role, sub } as never)}`,
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as any) };
}

const readiness = async (gateway: string) => {
  const response = await fetch(gateway.replace(/\/graphql$/, '/ready'));
  return { http: response.status, ...((await response.json()) as { status: string; checks: Record<string, string> }) };
};

/** Asks `probe` every 50 ms until it returns true or `ms` pass; returns whether it did. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  do {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  return probe();
}

/** Today in Beijing, and a day `days` later (YYYY-MM-DD). */
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hub-multi-'));
  const own: Record<string, string> = {};
  for (const name of ['gateway', ...SERVICE_SUBGRAPHS.map((s) => s.name)]) {
    const database = await createFreshDatabase(SERVER);
    databases.push(database);
    own[`${name.toUpperCase()}_DATABASE_URL`] = database.url;
    own[`${name.toUpperCase()}_PORT`] = '0';
  }
  // A user's environment, not the runner's (vitest sets NODE_ENV=test); nothing of the shared DATABASE_URL.
  env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|DATABASE_URL|PORT|VITEST.*)$/.test(name))),
    APOLLO_TELEMETRY_DISABLED: 'true',
    DATA_DIR: dataDir,
    DEMO_INSTITUTIONS: String(DEMO.institutions),
    DEMO_PERSONS: String(DEMO.persons),
    ...SECRETS,
    ...own,
    // Seven processes on a server other test runs share: a few connections each.
    DATABASE_MAX_CONNECTIONS: '3',
    REDIS_URL,
    RATE_LIMIT_KEY_PREFIX: prefix,
    RATE_LIMIT_AUTHENTICATED: `${BUDGET.perSecond},${BUDGET.burst}`,
    RATE_LIMIT_BURST_WINDOW: '120',
    // The coordination group's verification pages through the offices: a budget of its own role.
    RATE_LIMIT_ROLES: 'COORDINATOR=200,2000',
  };
  const gatewayPort = await freePort();
  const catalogEnv = { HUB_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` };
  const seed = run('seed', ['run', 'seed']);
  await waitFor(seed, /已载入 loaded \[organization, staffing, hr, finance\]/);
  await seed.exited;
  const subgraphs = SERVICE_SUBGRAPHS.map(({ name }) => ({
    name,
    service: name === 'catalog' ? run(name, ['start:catalog'], catalogEnv) : run(name, ['start:office', name]),
  }));
  for (const { name, service } of subgraphs) subgraphUrls[name] = await waitFor(service, /subgraph up at (http:\/\/\S+)/);
  // A second catalog service on the same catalog database, started once the first has migrated it: its worker shares the queue.
  await waitFor(run('catalog-2', ['start:catalog'], catalogEnv), /subgraph up at (http:\/\/\S+)/);
  const urls = Object.entries(subgraphUrls)
    .map(([name, url]) => `${name}=${url}`)
    .join(',');
  const two = [
    run('gateway-1', ['start:gateway'], { PORT: String(gatewayPort), SUBGRAPH_URLS: urls }),
    run('gateway-2', ['start:gateway'], { PORT: '0', SUBGRAPH_URLS: urls }),
  ];
  gateways = await Promise.all(two.map((g) => waitFor(g, /网关 \/ gateway: (http:\/\/\S+)/)));
  console.log(`multi-process hub up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);

afterAll(async () => {
  for (const service of services) signalGroup(service, 'SIGTERM');
  const killer = setTimeout(() => {
    for (const service of services) signalGroup(service, 'SIGKILL');
  }, 10_000);
  await Promise.all(services.map((s) => s.exited));
  // pnpm leads each group and exits first; its node child may still be closing its pools. Nothing of
  // any group may be left running once the 10 s grace (then SIGKILL) is over.
  const gone = await Promise.all(services.map((s) => within(15_000, async () => !groupAlive(s))));
  clearTimeout(killer);
  expect(services.filter((_, i) => !gone[i]).map((s) => s.name)).toEqual([]);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  for (const database of databases) await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`multi-process test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 60_000);

describe('separate services with two gateways', () => {
  it('a run started through gateway 1 is run once by the two catalog services, and its findings read through gateway 2', async () => {
    const coordinator = await bearer('staffing', 'COORDINATOR', 'xt-multi');
    const unit = city.planted.overQuota.creditCode;
    const start = `mutation($v: String!) { startVerificationRun(input: { kind: INSTITUTION, value: $v }) { created run { id } } }`;
    // Asked for through both gateways at once: one run of the scope.
    const [one, two] = await Promise.all(gateways.map((g) => post(g, start, { v: unit }, coordinator)));
    expect([one.errors, two.errors]).toEqual([undefined, undefined]);
    expect([one.data.startVerificationRun.created, two.data.startVerificationRun.created].sort()).toEqual([false, true]);
    expect(two.data.startVerificationRun.run.id).toBe(one.data.startVerificationRun.run.id);
    const id = one.data.startVerificationRun.run.id;
    const RUN = `query($id: ID!) { verificationRun(id: $id) { status error findingCount } }`;
    let run: { status: string; error: string | null; findingCount: number | null } | undefined;
    expect(
      await within(120_000, async () => {
        run = (await post(gateways[1]!, RUN, { id }, coordinator)).data?.verificationRun;
        return run?.status === 'SUCCEEDED' || run?.status === 'FAILED';
      }),
    ).toBe(true);
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    const FINDINGS = `query($c: String!) { findings(creditCode: $c, first: 100) { totalCount nodes { type creditCode mustAct status } } }`;
    const [read1, read2] = await Promise.all(gateways.map((g) => post(g, FINDINGS, { c: unit }, coordinator)));
    expect(read2.errors).toBeUndefined();
    expect(read2.data.findings.nodes).toContainEqual({ type: 'OVER_QUOTA', creditCode: unit, mustAct: 'staffing', status: 'OPEN' });
    expect(read2.data.findings.totalCount).toBe(run!.findingCount);
    expect(read1.data).toEqual(read2.data);

    // The default schedules (monthly and half-yearly): each period's run of everything queued and run once, though two workers poll.
    const RUNS = `{ verificationRuns(first: 100) { nodes { trigger status } } }`;
    let runs: { trigger: string; status: string }[] = [];
    expect(
      await within(180_000, async () => {
        runs = (await post(gateways[1]!, RUNS, {}, coordinator)).data?.verificationRuns?.nodes ?? [];
        return (
          runs.filter((r) => r.trigger !== 'ON_DEMAND' && r.status === 'SUCCEEDED').length >= 2 &&
          runs.every((r) => r.status !== 'QUEUED' && r.status !== 'RUNNING')
        );
      }),
    ).toBe(true);
    // Two more polls of each worker: still one run per schedule.
    await new Promise((r) => setTimeout(r, 4500));
    runs = (await post(gateways[1]!, RUNS, {}, coordinator)).data.verificationRuns.nodes;
    expect(runs.map((r) => `${r.trigger} ${r.status}`).sort()).toEqual(['HALF_YEARLY SUCCEEDED', 'MONTHLY SUCCEEDED', 'ON_DEMAND SUCCEEDED']);
  }, 400_000);

  it('both gateways are ready and give the same answer, from the seeded office databases', async () => {
    for (const gateway of gateways) expect(await readiness(gateway)).toMatchObject({ http: 200, status: 'ready' });
    const unit = city.staffing.institutions[0]!;
    const query = `query($c: ID!) { institution(creditCode: $c) { name fundingForm quotas { category approved occupied } budgetUnit { budgetedHeadcount } workforce(first: 2) { totalCount } } }`;
    const headers = await bearer('organization', 'OPERATOR');
    const [one, two] = await Promise.all(gateways.map((g) => post(g, query, { c: unit.creditCode }, headers)));
    expect(one.errors).toBeUndefined();
    expect(one.data.institution.name).toBe(unit.name);
    expect(one.data.institution.budgetUnit).not.toBeNull();
    // The same answer, each with its own request id (extensions.requestId).
    expect({ ...two, extensions: { ...two.extensions, requestId: null } }).toEqual({ ...one, extensions: { ...one.extensions, requestId: null } });
  });

  it('a grant revoked through one gateway is refused by the other within a second', async () => {
    const cadre = city.organization.cadres[0]!;
    // Each read by a Staffing Office clerk of its own (grants are the office's), so that polling never meets the rate limit.
    let clerk = 0;
    const read = async () =>
      post(gateways[1]!, `query($p: ID!) { cadre(idNumber: $p) { post } }`, { p: cadre.idNumber }, await bearer('staffing', 'OPERATOR', `bb-read-${++clerk}`));
    const staffingOperator = await bearer('staffing', 'OPERATOR', 'bb-grant');
    const leader = await bearer('organization', 'LEADER');
    const before = await read();
    expect(before.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const requested = await post(
      gateways[0]!,
      `mutation($i: RequestAccessInput!) { requestAccess(input: $i) { request { id status } } }`,
      {
        i: {
          entryCode: 'ZZB-01-002',
          purpose: '机构编制核查：核对干部职务与实名制台账',
          caseNumber: 'HC-MULTI-1',
          periodFrom: beijingDay(),
          periodTo: beijingDay(30),
        },
      },
      staffingOperator,
    );
    expect(requested.errors).toBeUndefined();
    const approved = await post(
      gateways[0]!,
      `mutation($id: ID!, $until: Date) { decideAccessRequest(id: $id, approve: true, reason: "用于年度核查", expiresOn: $until) { grant { id live } } }`,
      { id: requested.data.requestAccess.request.id, until: beijingDay(30) },
      leader,
    );
    expect(approved.data?.decideAccessRequest?.grant).toMatchObject({ live: true });
    // The other gateway sees the grant within a second …
    expect(await within(1000, async () => (await read()).data?.cadre?.post === cadre.post)).toBe(true);

    const revoked = await post(
      gateways[0]!,
      `mutation($id: ID!) { revokeGrant(id: $id, reason: "核查结束") { grant { live } } }`,
      { id: approved.data.decideAccessRequest.grant.id },
      leader,
    );
    expect(revoked.data?.revokeGrant?.grant).toEqual({ live: false });
    // … and refuses the field within a second of the revocation.
    expect(await within(1000, async () => (await read()).errors?.[0]?.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('both gateways count one rate-limit budget in Redis', async () => {
    const headers = await bearer('hr', 'OPERATOR', `shared-${randomUUID()}`);
    let allowed = 0;
    let last: { status: number; errors?: { extensions?: { code?: string } }[] } = { status: 0 };
    for (let i = 0; i < 200; i++) {
      last = await post(gateways[i % 2]!, '{ __typename }', {}, headers);
      if (last.status === 429) break;
      allowed++;
    }
    expect(last.status).toBe(429);
    expect(last.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // One budget (1 + 40, and 1 more each second the loop takes); two budgets of their own would let 82 through first.
    expect(allowed).toBeGreaterThanOrEqual(BUDGET.perSecond + BUDGET.burst);
    expect(allowed).toBeLessThan(2 * (BUDGET.perSecond + BUDGET.burst));
    // Both refuse it now (within a few requests: a second that turns meanwhile gives one back).
    for (const gateway of gateways) {
      const statuses: number[] = [];
      while (statuses.at(-1) !== 429 && statuses.length < 10) statuses.push((await post(gateway, '{ __typename }', {}, headers)).status);
      expect(statuses.at(-1)).toBe(429);
    }
  });

  it('a removal reported through one gateway reaches Finance as one stop-pay notice, with both relays running', async () => {
    const paid = new Set(city.finance.payrollRecords.filter((p) => p.onPayroll).map((p) => p.idNumber));
    const person = city.staffing.ledgerEntries.find((l) => paid.has(l.idNumber) && l.unitJoinDate < '2026-09-01')!;
    const reported = await post(
      gateways[0]!,
      `mutation($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { stopPayNotice { number } } } }`,
      { i: { idNumber: person.idNumber, reason: 'RESIGNATION', effectiveOn: beijingDay() } },
      await bearer('staffing', 'OPERATOR', 'bb-removal'),
    );
    expect(reported.errors).toBeUndefined();
    const number = reported.data.reportRemoval.removal.stopPayNotice.number;
    // A clerk of its own for each look, so that polling never meets the rate limit.
    let look = 0;
    const atFinance = async () =>
      (
        await post(
          gateways[1]!,
          `query($p: ID!) { person(idNumber: $p) { payroll { onPayroll stoppedFromMonth } stopPayNotices { noticeNumber outcome } } }`,
          { p: person.idNumber },
          await bearer('finance', 'OPERATOR', `cz-removal-${++look}`),
        )
      ).data?.person;
    expect(await within(20_000, async () => ((await atFinance())?.stopPayNotices?.length ?? 0) > 0)).toBe(true);
    // Two relays poll every second: after a few more rounds, still one notice, applied once.
    await new Promise((r) => setTimeout(r, 2500));
    const finance = await atFinance();
    expect(finance.stopPayNotices).toEqual([{ noticeNumber: number, outcome: expect.any(String) }]);
    expect(finance.payroll.stoppedFromMonth).toBeTruthy();
  });

  it('a gateway is unready while an office does not answer, and ready again when it does', async () => {
    const finance = services.find((s) => s.name === 'finance')!;
    signalGroup(finance, 'SIGSTOP');
    try {
      let seen: Awaited<ReturnType<typeof readiness>> | undefined;
      expect(
        await within(10_000, async () => {
          seen = await readiness(gateways[0]!);
          return seen.http === 503;
        }),
      ).toBe(true);
      expect(seen!.checks).toMatchObject({ 'subgraph:finance': 'timeout', 'subgraph:staffing': 'ok', database: 'ok', catalog: 'ok' });
    } finally {
      signalGroup(finance, 'SIGCONT');
    }
    expect(await within(10_000, async () => (await readiness(gateways[0]!)).http === 200)).toBe(true);
    // The subgraph's own probe answers without a credential.
    const own = await fetch(new URL('/ready', subgraphUrls.finance));
    expect([own.status, await own.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok' } }]);
  });
});
