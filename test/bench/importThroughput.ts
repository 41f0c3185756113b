import { startHub } from '@hub/launcher';
import { creditCodeCheckChar, idNumberCheckChar, streamWorkbook } from '@hub/schema';
import { createFreshDatabase } from '@hub/schema/testing';

/**
 * `pnpm bench:import`: spreadsheet imports through the gateway on PostgreSQL (DATABASE_URL, or a fresh
 * database on 127.0.0.1:5432, dropped at the end). Generates a ledger of 20,000 rows and an HR roster
 * of 50,000 rows (and 5,000-row files of each, to compare memory), uploads each as a department would,
 * polls its job and prints rows per second and the process's peak RSS while it ran (sampled every
 * 20 ms; the hub runs in this process, so the RSS is the importing office's), and rows per CPU-second of
 * this process (the hub's share of the work, whatever else the machine runs; PostgreSQL's own is not in
 * it). Loopback only; stops by itself.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const UNITS = 200;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const code = (body: string) => body + creditCodeCheckChar(body);
const unit = (i: number) => code(`12410100MB${String(100000 + i).padStart(7, '0')}`);
const DAY = 86_400_000;
const idNumber = (i: number) => {
  const born = new Date(Date.UTC(1970, 0, 1) + (i % 10_000) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `410102${born}${String(Math.floor(i / 10_000)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
};

async function sheet(rows: Iterable<unknown[]>): Promise<Buffer> {
  return streamWorkbook(async (workbook) => {
    const ws = workbook.addWorksheet('Sheet1');
    for (const row of rows) ws.addRow(row).commit();
    ws.commit();
  });
}

function* institutionRows() {
  yield [
    '统一社会信用代码',
    '机构名称',
    '机构类别',
    '机构层级',
    '所属系统',
    '经费形式',
    '上级机构统一社会信用代码',
    '领导职数',
    '行政编制',
    '政法专项编制',
    '事业编制',
    '工勤编制',
  ];
  for (let u = 0; u < UNITS; u++) yield [unit(u), `基准测试单位${u}`, '事业单位', '市直', '教育', '全额拨款', null, 3, null, null, 300, 10];
}
function* ledgerRows(n: number) {
  yield [
    '单位统一社会信用代码',
    '单位名称',
    '姓名',
    '公民身份号码',
    '性别',
    '民族',
    '籍贯',
    '出生年月',
    '政治面貌',
    '职务（职称）',
    '参加工作时间',
    '调入单位时间',
    '编制类别',
    '编制卡号',
  ];
  for (let i = 0; i < n; i++) {
    const id = idNumber(i);
    yield [
      unit(i % UNITS),
      `基准测试单位${i % UNITS}`,
      `测试${i}`,
      id,
      Number(id[16]) % 2 ? '男' : '女',
      '汉族',
      '河南郑州',
      `${id.slice(6, 10)}-${id.slice(10, 12)}`,
      '群众',
      '教师',
      '2000-07-01',
      '2010-03-01',
      '事业编制',
      `BZ${String(i).padStart(8, '0')}`,
    ];
  }
}
function* rosterRows(n: number) {
  yield [
    '单位统一社会信用代码',
    '姓名',
    '公民身份号码',
    '民族',
    '籍贯',
    '用工类型',
    '学历',
    '学位',
    '职称',
    '职称等级',
    '养老保险户别',
    '是否参保',
    '职业年金',
    '参保时间',
    '参加工作时间',
    '调入单位时间',
  ];
  for (let i = 0; i < n; i++)
    yield [
      unit(i % UNITS),
      `测试${i}`,
      idNumber(i),
      '汉族',
      '河南郑州',
      '在编',
      '大学本科',
      '学士',
      '中学一级教师',
      '中级',
      '机关事业户',
      '是',
      '是',
      '2014-10-01',
      '2000-07-01',
      '2010-03-01',
    ];
}

const fresh = process.env.DATABASE_URL ? undefined : await createFreshDatabase(SERVER);
const hub = await startHub({
  databaseUrl: process.env.DATABASE_URL ?? fresh!.url,
  port: 0,
  subgraphPorts: 0,
  imports: { maxBytes: 200 * 1024 * 1024, maxRows: 200_000 },
  rateLimits: { authenticated: { perSecond: 100_000, burst: 0 } },
});
const base = hub.url.replace(/\/graphql$/, '');

async function importFile(office: string, kind: string, file: Buffer) {
  const token = await hub.gateway.tokens.sign({ office: office as 'staffing', role: 'OPERATOR', sub: 'bench' });
  const headers = { authorization: `Bearer ${token}` };
  gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const started = await fetch(`${base}/imports/${office}/${kind}`, { method: 'POST', headers, body: new Uint8Array(file) });
  if (started.status !== 202) throw new Error(`${office}/${kind}: ${started.status} ${await started.text()}`);
  const { job } = (await started.json()) as { job: { id: string } };
  let state: { state: string; rowsTotal: number; errors: number; issues: unknown[] };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = ((await (await fetch(`${base}/imports/jobs/${job.id}`, { headers })).json()) as { job: typeof state }).job;
    if (!['QUEUED', 'RUNNING'].includes(state.state)) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  if (state.state !== 'SUCCEEDED') throw new Error(`${office}/${kind}: ${state.state} ${JSON.stringify(state.issues.slice(0, 3))}`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    rows: state.rowsTotal,
    seconds,
    rowsPerSecond: state.rowsTotal / seconds,
    rowsPerCpuSecond: state.rowsTotal / cpuSeconds,
    peakMiB: peak / 2 ** 20,
    growthMiB: (peak - baseline) / 2 ** 20,
  };
}

const results: Record<string, unknown>[] = [];
console.log(
  `负载 / load average: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).availableParallelism()} cores`,
);
try {
  await importFile('staffing', 'institutions', await sheet(institutionRows()));
  for (const [office, kind, n, rows] of [
    ['staffing', 'ledger', 5_000, ledgerRows],
    ['staffing', 'ledger', 20_000, ledgerRows],
    ['hr', 'roster', 5_000, rosterRows],
    ['hr', 'roster', 50_000, rosterRows],
  ] as const) {
    const file = await sheet(rows(n));
    const r = await importFile(office, kind, file);
    results.push({
      import: `${office}/${kind}`,
      rows: r.rows,
      'file MiB': (file.length / 2 ** 20).toFixed(2),
      seconds: r.seconds.toFixed(2),
      'rows/s': Math.round(r.rowsPerSecond),
      'rows per CPU-s': Math.round(r.rowsPerCpuSecond),
      'peak RSS MiB': r.peakMiB.toFixed(0),
      'RSS growth MiB': r.growthMiB.toFixed(0),
    });
    console.log(JSON.stringify(results.at(-1)));
  }
  console.table(results);
  // The target is the issue's: the 20,000-row ledger and the 50,000-row roster (the 5,000-row files are for memory).
  const pass = results.filter((r) => (r.rows as number) >= 20_000).every((r) => (r['rows/s'] as number) >= 5000);
  console.log(pass ? '目标达成 / target met: ≥ 5,000 rows/s on the 20,000-row ledger and the 50,000-row roster' : '未达目标 / below the 5,000 rows/s target');
} finally {
  await hub.stop();
  await fresh?.drop();
}
