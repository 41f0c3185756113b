import { SERVICES } from '@hub/launcher';
import type { Viewer } from '@hub/schema';
import postgres from 'postgres';

/**
 * `node --import tsx test/bench/fedtaxPhases.ts [rounds] [--only <text>]`: the subgraphs' half of bench:fedtax, in one
 * process and without HTTP. Each document the gateway sends a subgraph for the 808-person Roster (the
 * query plan's seven fetches, as `test/hub.e2e.ts` lists them for the README's Roster) runs on its
 * office's server (`executeOperation`, compiled executor, every plugin) over the database bench:fedtax
 * keeps (`hub_fedtax`, or FEDTAX_DATABASE; run bench:fedtax once first). Prints per fetch the median
 * of: the whole execution, the process's CPU during it (the rest is waiting on PostgreSQL), the SQL
 * statements it sent, and JSON serialisation of its answer. Add `--cpu-prof` to node to profile it.
 */
/** `--only <text>`: the fetches whose document contains it (to profile one). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const ROUNDS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 30);
const CODE = '124101000192997865'; // 中州市人民医院, 808 persons
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const hubUrl = new URL(serverUrl);
hubUrl.pathname = `/${process.env.FEDTAX_DATABASE ?? 'hub_fedtax'}`;

const sql = postgres(hubUrl.toString(), { max: 1, onnotice: () => {} });
const ids = (await sql`select id_number from hr.employments where institution_credit_code = ${CODE} order by id_number limit 1000`).map(
  (r) => r.id_number as string,
);
await sql.end();
if (ids.length !== 808) throw new Error(`expected 808 persons at ${CODE}, found ${ids.length}: run pnpm bench:fedtax once first`);

const persons = ids.map((idNumber) => ({ __typename: 'Person', idNumber }));
const institution = [{ __typename: 'Institution', creditCode: CODE }];
const entities = (type: string, selection: string) =>
  `query Roster__x__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${selection} } } }`;
const fetches: [string, string, Record<string, unknown>][] = [
  [
    'staffing',
    'query Roster__staffing__0($code: ID!) { institution(creditCode: $code) { __typename creditCode name fundingForm quotas { category approved occupied vacant } } }',
    { code: CODE },
  ],
  ['organization', entities('Institution', 'leadershipPostsFilled'), { representations: institution }],
  ['finance', entities('Institution', 'budgetUnit { fundingForm budgetedHeadcount }'), { representations: institution }],
  [
    'hr',
    entities('Institution', 'workforce(first: 1000) { totalCount nodes { type person { __typename idNumber name gender birthDate } } }'),
    { representations: institution },
  ],
  ['staffing', entities('Person', 'ledgerEntry { staffingCardNumber }'), { representations: persons }],
  ['organization', entities('Person', 'cadre { post }'), { representations: persons }],
  ['finance', entities('Person', 'payroll { onPayroll lastPaidMonth }'), { representations: persons }],
];

const viewer: Viewer = { office: 'organization', role: 'OPERATOR', sub: 'fedtax' };
const offices = Object.fromEntries(
  await Promise.all(
    SERVICES.filter((o) => o.name !== 'catalog').map(async (office) => {
      const database = await office.openDatabase({ url: hubUrl.toString(), maxConnections: 2 });
      const server = office.createServer();
      await server.start();
      return [office.name, { office, database, server }] as const;
    }),
  ),
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: string[] = [];
let totals = { wall: 0, cpu: 0, json: 0 };
for (const [name, query, variables] of fetches) {
  if (only && !query.includes(only)) continue;
  const { office, database, server } = offices[name]!;
  const wall: number[] = [];
  const cpu: number[] = [];
  const json: number[] = [];
  let statements = 0;
  let bytes = 0;
  for (let i = 0; i < ROUNDS + 3; i++) {
    const before = database.statements.count;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const response = await server.executeOperation({ query, variables }, { contextValue: office.createContext(database.db, viewer, () => new Date()) });
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const text = JSON.stringify(response.body.singleResult);
    const t2 = performance.now();
    if (response.body.singleResult.errors) throw new Error(`${name}: ${text.slice(0, 300)}`);
    if (i < 3) continue; // warm-up: compiled documents, prepared statements
    wall.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
    json.push(t2 - t1);
    statements = database.statements.count - before;
    bytes = text.length;
  }
  totals = { wall: totals.wall + median(wall), cpu: totals.cpu + median(cpu), json: totals.json + median(json) };
  const what = /_entities[^{]*\{ \.\.\. on (\w+) \{ (\w+)/.exec(query) ?? /\{ (\w+)\(/.exec(query)!;
  rows.push(
    `  ${name.padEnd(12)} ${what.slice(1).join('.').padEnd(32)} execute ${median(wall).toFixed(1).padStart(6)} ms (CPU ${median(cpu).toFixed(1).padStart(5)} ms), ${statements} SQL, JSON ${median(json).toFixed(1).padStart(4)} ms, ${bytes} bytes`,
  );
}
console.log(`The 808-person Roster's subgraph fetches, in process (median of ${ROUNDS}):`);
for (const row of rows) console.log(row);
console.log(`  sum: execute ${totals.wall.toFixed(1)} ms (CPU ${totals.cpu.toFixed(1)} ms), JSON ${totals.json.toFixed(1)} ms`);
for (const { server, database } of Object.values(offices)) {
  await server.stop();
  await database.close();
}
