import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { startHub } from '@hub/launcher';
import postgres from 'postgres';

/**
 * The hub's side of `pnpm bench:verify`, in a process of its own so that its memory high-water is the
 * run's alone (the city was generated and loaded by the parent): starts the hub on the database the
 * parent loaded (`process.argv[2]`) with the hub's clock at `process.argv[3]`, starts a verification of
 * everything as the coordination group through the gateway, lets the worker run it, and prints one
 * JSON line: the run's id and status, the time from the mutation to the stored result, and this
 * process's RSS before and at its high-water. With a folder as `process.argv[4]`, writes a CPU
 * profile of the run alone there (start-up left out).
 */
const [url, nowIso, profileDir] = process.argv.slice(2) as [string, string, string | undefined];
const NOW = new Date(nowIso);
const hub = await startHub({
  databaseUrl: url,
  port: 0,
  subgraphPorts: 0,
  now: () => NOW,
  verificationPollMs: 0,
  verificationSchedules: [],
  messagePollMs: 24 * 3_600_000,
  imports: { logPollMs: 24 * 3_600_000 },
  rateLimits: { anonymous: { perSecond: 100_000, burst: 100_000 }, authenticated: { perSecond: 100_000, burst: 100_000 } },
});
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  const token = await hub.gateway.tokens.sign({ office: 'staffing', role: 'COORDINATOR', sub: 'bench-coordinator' } as never);
  globalThis.gc?.();
  const profiler = profileDir ? new Session() : null;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation { startVerificationRun(input: { kind: ALL }) { created run { id } } }' }),
  });
  const answer = (await response.json()) as { data?: { startVerificationRun: { run: { id: string } } }; errors?: unknown };
  if (!answer.data?.startVerificationRun) throw new Error(`startVerificationRun answered ${JSON.stringify(answer.errors)}`);
  await hub.verification.drain();
  const ms = performance.now() - started;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(join(profileDir!, `verify-run-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  const runId = Number(answer.data.startVerificationRun.run.id);
  const [run] = await sql<{ status: string; error: string | null; finding_count: number }[]>`
    select status, error, finding_count from catalog.verification_runs where id = ${runId}`;
  process.stdout.write(
    `${JSON.stringify({ runId, ms, status: run?.status, error: run?.error, findingCount: run?.finding_count, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
  );
} finally {
  await sql.end();
  await hub.stop();
}
