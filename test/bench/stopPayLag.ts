import { DEFAULT_MESSAGE_POLL_MS } from '@hub/gateway';
import { startHub } from '@hub/launcher';
import { generateCity } from '@hub/launcher/demo';
import { beijingDay, MAX_RETRY_DELAY_SECONDS } from '@hub/schema';
import { createFreshDatabase, testConfig } from '@hub/schema/testing';

/**
 * `pnpm bench:stoppay [removals] [outage seconds …]`: on a running hub (the demo city, PGlite in
 * memory, or a fresh database on DATABASE_URL's server) with the relay's default poll interval:
 *
 * 1. the stop-pay delivery lag while Finance is up: removals reported one after another through the
 *    gateway, each notice's issued → delivered → applied times as the Staffing Office shows them;
 * 2. how long an undelivered notice waits after Finance comes back: Finance is stopped, removals are
 *    reported spread over the outage, Finance is started again, and each notice's applied time is
 *    compared with the moment Finance answered again.
 *
 * Loopback only; bounded (each wait gives up after 10 minutes); stops by itself. The relay logs each
 * failed delivery during an outage to stderr (`2>/dev/null` keeps the report alone).
 */
const REMOVALS = Number(process.argv[2] ?? 40);
const OUTAGES = (process.argv.length > 3 ? process.argv.slice(3) : ['10', '60']).map(Number);
const PER_OUTAGE = 6;
const DEFAULT_POLL_S = DEFAULT_MESSAGE_POLL_MS / 1000;

const fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
const city = generateCity();
console.log(`starting the hub (${fresh ? 'PostgreSQL' : 'PGlite in memory'}, demo city, default MESSAGE_POLL_MS) …`);
const rateLimits = { authenticated: { perSecond: 100_000, burst: 0 } };
const hub = await startHub({ port: 0, subgraphPorts: 0, seed: () => city, databaseUrl: fresh?.url, rateLimits });
const token = await hub.gateway.tokens.sign({ office: 'staffing', role: 'OPERATOR', sub: 'bench' });

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

interface Delivery {
  number: string;
  issuedAt: string;
  deliveredAt: string | null;
  appliedAt: string | null;
  deliveryAttempts: number;
}
const REPORT = `mutation Bench($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { stopPayNotice { number } } } }`;
const NOTICE = `query($n: ID!) { stopPayNotice(number: $n) { number issuedAt deliveredAt appliedAt deliveryAttempts } }`;

const today = beijingDay();
const paid = new Set(city.finance.payrollRecords.filter((p) => p.onPayroll).map((p) => p.idNumber));
const people = city.staffing.ledgerEntries.filter((e) => paid.has(e.idNumber) && e.unitJoinDate < today).map((e) => e.idNumber);
let next = 0;
const remove = async () =>
  (
    await call<{ reportRemoval: { removal: { stopPayNotice: { number: string } } } }>(REPORT, {
      i: { idNumber: people[next++], reason: 'RETIREMENT', effectiveOn: today },
    })
  ).reportRemoval.removal.stopPayNotice.number;

/** Polls the notice through the gateway until Finance has applied it. */
async function applied(number: string, everyMs: number): Promise<Delivery> {
  const giveUp = Date.now() + 600_000;
  for (;;) {
    const { stopPayNotice } = await call<{ stopPayNotice: Delivery }>(NOTICE, { n: number });
    if (stopPayNotice.appliedAt) return stopPayNotice;
    if (Date.now() > giveUp) throw new Error(`${number} not applied after 10 minutes`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const ms = (from: string | Date, to: string | Date) => new Date(to).getTime() - new Date(from).getTime();
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const summary = (xs: number[], unit = 'ms') =>
  `median ${quantile(xs, 0.5).toFixed(0)} ${unit}, p95 ${quantile(xs, 0.95).toFixed(0)} ${unit}, max ${Math.max(...xs).toFixed(0)} ${unit}`;

try {
  // 1. Finance up.
  const toDelivered: number[] = [];
  const toApplied: number[] = [];
  const seenByClient: number[] = [];
  for (let i = 0; i < REMOVALS; i++) {
    const number = await remove();
    const answered = performance.now();
    const notice = await applied(number, 5);
    seenByClient.push(performance.now() - answered);
    toDelivered.push(ms(notice.issuedAt, notice.deliveredAt!));
    toApplied.push(ms(notice.issuedAt, notice.appliedAt!));
  }
  console.log(`\nFinance up, ${REMOVALS} removals one after another:`);
  console.log(`  issued → applied at Finance: ${summary(toApplied)}`);
  console.log(`  issued → delivered (settled at the Staffing Office): ${summary(toDelivered)}`);
  console.log(`  removal answered → client sees it applied (polling every 5 ms): ${summary(seenByClient)}`);

  // 2. Finance down, then back.
  for (const outage of OUTAGES) {
    await hub.subgraphs.finance.suspend();
    const stoppedAt = Date.now();
    const numbers: string[] = [];
    for (let i = 0; i < PER_OUTAGE; i++) {
      numbers.push(await remove());
      const due = stoppedAt + ((i + 1) * outage * 1000) / PER_OUTAGE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
    await hub.subgraphs.finance.resume();
    const backAt = new Date();
    const notices = await Promise.all(numbers.map((n) => applied(n, 100)));
    const waits = notices.map((n) => ms(backAt, n.appliedAt!) / 1000);
    console.log(`\nFinance down for ${outage} s, ${PER_OUTAGE} removals spread over it, then back:`);
    for (const n of notices)
      console.log(
        `  ${n.number}: undelivered for ${(ms(n.issuedAt, backAt) / 1000).toFixed(1)} s when Finance came back, applied ${(ms(backAt, n.appliedAt!) / 1000).toFixed(1)} s after, attempt ${n.deliveryAttempts}`,
      );
    console.log(`  wait after Finance is back: ${summary(waits, 's')}`);
  }
  console.log(
    `\nWhy: each attempt on a notice moves its next one 2^n s on (1, 2, 4 … at most ${MAX_RETRY_DELAY_SECONDS} s) and starts at a poll` +
      ` (every ${DEFAULT_POLL_S} s), so once Finance is back a notice waits for its next attempt: at most about as long as it had already` +
      ` waited, never more than ${MAX_RETRY_DELAY_SECONDS} s plus a poll however long the outage.`,
  );
} finally {
  await hub.stop();
  await fresh?.drop();
}
