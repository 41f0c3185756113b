import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { type RunningSubgraph, startSubgraph } from '@hub/schema';
import type { OfficeName } from '@hub/schema/contracts';
import { SERVICES } from '@hub/launcher';
import { generateCity } from '@hub/launcher/demo';

/**
 * bench:peer's first process: the five subgraphs (four offices and the catalog) on free loopback
 * ports over one PostgreSQL database (DATABASE_URL), loaded with the demo city. Prints one JSON line
 * (`{"urls":…,"small":…,"large":…}`) once they listen; stops on SIGTERM. With BENCH_PROFILE (a folder),
 * writes a CPU profile of its requests there (not of loading the city).
 */
const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.SUBGRAPH_SECRET;
if (!databaseUrl || !secret) throw new Error('subgraphs.ts: DATABASE_URL and SUBGRAPH_SECRET are required');
const city = generateCity();
const running: RunningSubgraph[] = [];
// One at a time: each office migrates its own schema of the one database.
for (const office of SERVICES) {
  running.push(
    await startSubgraph(office, {
      databaseUrl,
      port: 0,
      host: '127.0.0.1',
      secret,
      seedData: office.name === 'catalog' ? undefined : () => city[office.name as OfficeName],
    }),
  );
}
// BENCH_PROFILE: a CPU profile of the requests only, from here (the demo city loaded) to SIGTERM.
const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
process.stdout.write(
  `${JSON.stringify({
    urls: Object.fromEntries(running.map((s) => [s.name, s.url])),
    small: city.planted.smallInstitution.creditCode,
    large: city.planted.largeInstitution.creditCode,
  })}\n`,
);
process.once('SIGTERM', async () => {
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(join(process.env.BENCH_PROFILE!, `subgraphs-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  await Promise.all(running.map((s) => s.stop()));
  process.exit(0);
});
