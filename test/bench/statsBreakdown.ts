import { startHub } from '@hub/launcher';
import { creditCodeCheckChar } from '@hub/schema';
import { createFreshDatabase } from '@hub/schema/testing';
import postgres from 'postgres';

/**
 * `pnpm bench:stats`: one two-dimension structure breakdown (employment type × education) over
 * 1,000,000 persons on PostgreSQL (DATABASE_URL, or a fresh database on 127.0.0.1:5432, dropped at the
 * end), through the gateway as a department app asks it (the whole city's scope: the Staffing Office
 * lists its 2,000 institutions, HR aggregates over them), against the bare SQL aggregate a DBA would
 * write on the same tables. Persons are generated in PostgreSQL itself (generate_series, valid ID
 * numbers with their check character). The two are run in turn, after warm-up, and the medians and
 * their ratio printed. Loopback only; stops by itself.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const UNITS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const fresh = process.env.DATABASE_URL ? undefined : await createFreshDatabase(SERVER);
const url = process.env.DATABASE_URL ?? fresh!.url;
const hub = await startHub({ databaseUrl: url, port: 0, subgraphPorts: 0, rateLimits: { authenticated: { perSecond: 100_000, burst: 0 } } });
const sql = postgres(url, { max: 2, onnotice: () => {} });

async function generate() {
  const codes = Array.from({ length: UNITS }, (_, i) => {
    const body = `12410100MB${String(200000 + i).padStart(7, '0')}`;
    return body + creditCodeCheckChar(body);
  });
  await sql`insert into staffing.institutions (credit_code, name, kind, level, system, funding_form, leadership_posts_approved)
    select code, '基准单位' || n, 'PUBLIC_INSTITUTION', (array['CITY','DISTRICT','TOWNSHIP'])[1 + n % 3], 'EDUCATION', 'FULL', 3
    from unnest(${codes}::text[]) with ordinality as u(code, n)`;
  // 17 digits: area 410102, a birth date from 1961 on, a serial; then the GB 11643 check character.
  await sql`create temporary table bench_ids as
    select n, body || substr('10X98765432', (select sum(substr(body, k, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) from generate_series(1, 17) k)::int % 11 + 1, 1) as id
    from (select n, '410102' || to_char(date '1961-01-01' + (n % 14600), 'YYYYMMDD') || lpad(((n / 14600) % 1000)::text, 3, '0') as body
          from generate_series(0, ${PERSONS - 1}) n) b`;
  await sql`insert into hr.persons (id_number, name, ethnicity, native_place, education, degree)
    select id, '测试' || n, '汉族', '河南郑州',
      (array['POSTGRADUATE','UNDERGRADUATE','JUNIOR_COLLEGE','SECONDARY_VOCATIONAL','HIGH_SCHOOL_OR_BELOW', null])[1 + (n * 7) % 6],
      (array['DOCTOR','MASTER','BACHELOR','NONE'])[1 + (n * 3) % 4]
    from bench_ids`;
  await sql`insert into hr.employments (id_number, institution_credit_code, type, since)
    select id, (${sql.array(codes)}::text[])[1 + n % ${UNITS}],
      case when n % 100 < 70 then 'IN_QUOTA' when n % 100 < 80 then 'PERSONNEL_AGENCY' when n % 100 < 92 then 'LABOR_DISPATCH' else 'TEMPORARY' end,
      date '2000-01-01' + (n % 9000)
    from bench_ids`;
  await sql`analyze hr.persons`;
  await sql`analyze hr.employments`;
  await sql`analyze staffing.institutions`;
}

try {
  const started = performance.now();
  const [{ existing } = { existing: 0 }] = await sql<{ existing: number }[]>`select count(*)::int as existing from hr.persons`;
  // A DATABASE_URL already holding the generated city (a second run) is measured as it is.
  if (existing === 0) await generate();
  console.log(`${PERSONS.toLocaleString('en')} persons in ${UNITS} institutions ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const token = await hub.gateway.tokens.sign({ office: 'staffing', role: 'REVIEWER', sub: 'bench' });
  const query = '{ staffScope { structure(dimension: EMPLOYMENT_TYPE, by: EDUCATION) { baseCount cells { value byValue count share } } } }';
  const viaGateway = async () => {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: { staffScope: { structure: { baseCount: number; cells: { count: number }[] } } }; errors?: unknown };
    if (!body.data?.staffScope?.structure) throw new Error(`gateway answered ${JSON.stringify(body.errors)}`);
    return body.data.staffScope.structure;
  };
  const bare = () => sql`select e.type, p.education, count(*)::int as count from hr.employments e join hr.persons p on p.id_number = e.id_number group by 1, 2`;

  const answer = await viaGateway();
  const rows = await bare();
  const bareTotal = rows.reduce((n, r) => n + r.count, 0);
  if (answer.baseCount !== PERSONS || bareTotal !== PERSONS || answer.cells.length !== rows.length)
    throw new Error(`answers differ: gateway ${answer.baseCount} in ${answer.cells.length} cells, SQL ${bareTotal} in ${rows.length}`);

  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  for (let i = 0; i < 2; i++) {
    await viaGateway();
    await bare();
  }
  const gatewayMs: number[] = [];
  const sqlMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gatewayMs.push(await time(viaGateway));
    sqlMs.push(await time(bare));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const g = median(gatewayMs);
  const s = median(sqlMs);
  console.log(`employment type × education over ${PERSONS.toLocaleString('en')} persons (${answer.cells.length} cells), ${RUNS} runs each, alternating:`);
  console.log(`  GraphQL through the gateway: median ${g.toFixed(0)} ms (min ${Math.min(...gatewayMs).toFixed(0)}, max ${Math.max(...gatewayMs).toFixed(0)})`);
  console.log(`  bare SQL aggregate:          median ${s.toFixed(0)} ms (min ${Math.min(...sqlMs).toFixed(0)}, max ${Math.max(...sqlMs).toFixed(0)})`);
  console.log(`  ratio gateway / SQL: ${(g / s).toFixed(2)} (target ≤ 1.5)`);
} finally {
  await sql.end();
  await hub.stop();
  await fresh?.drop();
}
