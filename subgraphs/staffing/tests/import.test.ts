import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { creditCodeCheckChar, IMPORT_ROUTES, idNumberCheckChar, readSheetRows, streamWorkbook, type SubgraphRoute, type Viewer } from '@hub/schema';
import { openTestDatabase } from '@hub/schema/testing';
import type { StaffingDb } from '../src/db/queries.ts';
import { institutions, ledgerEntries, quotas, staffingCards } from '../src/db/schema.ts';
import { importRoutes } from '../src/import/index.ts';
import { staffing } from '../src/server.ts';

/**
 * The Staffing Office's importers as library calls against a real database (PGlite, or PostgreSQL with
 * DATABASE_URL): parse → validate → apply, all or nothing; the routes the gateway calls, without HTTP.
 */
const code = (body: string) => body + creditCodeCheckChar(body);
const id = (body: string) => body + idNumberCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const HOSPITAL = code('12410100MB0000006');
const CLINIC = code('12410100MB0000010');
const A = id('41010219850317001');
const B = id('41010219900102002');
const C = id('41010219920511003');
const D = id('41010219880808004');

let database: Awaited<ReturnType<typeof openTestDatabase<StaffingDb>>>;
let routes: Map<string, SubgraphRoute<Viewer | null>>;
const operator: Viewer = { office: 'staffing', role: 'OPERATOR', sub: 'op' };

const xlsxOf = (rows: unknown[][]) =>
  streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet('表1');
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  });

const call = async (path: string, caller: Viewer | null, body: Buffer | string, contentType = 'application/json') => {
  const answer = await routes
    .get(path)!
    .handle({ caller, path, query: new URLSearchParams(), headers: { 'content-type': contentType }, body: Buffer.from(body) });
  return answer;
};
const json = (answer: { body: string | Uint8Array }) => JSON.parse(String(answer.body));

/** Starts an import through the office's route and waits for its job to finish. */
async function importFile(kind: string, file: Buffer, viewer: Viewer = operator) {
  const started = await call(IMPORT_ROUTES.start(kind), viewer, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; max-rows=1000');
  expect(started.status).toBe(202);
  const { job } = json(started);
  for (;;) {
    const status = json(await call(IMPORT_ROUTES.status, viewer, JSON.stringify({ id: job.id }))).job;
    if (!['QUEUED', 'RUNNING'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const INSTITUTION_HEADERS = [
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
const LEDGER_HEADERS = [
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
const person = (unit: string, name: string, idNumber: string, card: string | null, category = '事业编制') => [
  unit,
  null,
  name,
  idNumber,
  null,
  '汉族',
  '河南郑州',
  null,
  '群众',
  '教师',
  '2010-07-01',
  '2012.03',
  category,
  card,
];
const ledgerOf = (unit: string) =>
  database.db.select().from(ledgerEntries).where(eq(ledgerEntries.institutionCreditCode, unit)).orderBy(asc(ledgerEntries.idNumber));

beforeAll(async () => {
  database = await openTestDatabase(staffing);
  routes = new Map(importRoutes(database.db, () => new Date()).map((r) => [r.path, r]));
});
afterAll(() => database?.close());

describe('institutions', () => {
  it('loads institutions with their quotas and leadership posts, in Chinese', async () => {
    const file = await xlsxOf([
      ['中州市机构编制台账'],
      INSTITUTION_HEADERS,
      [SCHOOL, '中州市第一中学', '事业单位', '市直', '教育', '全额拨款', null, 3, null, null, 2, 1],
      [HOSPITAL, '中州市人民医院', '事业单位', '市直', '卫生健康', '差额拨款', null, 5, null, null, 10, null],
      [CLINIC, '城关镇卫生院', '事业单位', '乡镇', '卫生健康', '差额', HOSPITAL, 1, null, null, 4, null],
    ]);
    const job = await importFile('institutions', file);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, rowsDone: 3, rowsTotal: 3, percent: 100 });
    const [school] = await database.db.select().from(institutions).where(eq(institutions.creditCode, SCHOOL));
    expect(school).toMatchObject({
      name: '中州市第一中学',
      kind: 'PUBLIC_INSTITUTION',
      level: 'CITY',
      system: 'EDUCATION',
      fundingForm: 'FULL',
      leadershipPostsApproved: 3,
    });
    const [clinic] = await database.db.select().from(institutions).where(eq(institutions.creditCode, CLINIC));
    expect(clinic).toMatchObject({ level: 'TOWNSHIP', fundingForm: 'PARTIAL', parentCreditCode: HOSPITAL });
    const schoolQuotas = await database.db.select().from(quotas).where(eq(quotas.institutionCreditCode, SCHOOL)).orderBy(asc(quotas.category));
    expect(schoolQuotas.map((q) => [q.category, q.approved])).toEqual([
      ['PUBLIC_SERVICE', 2],
      ['WORKER', 1],
    ]);
  });
});

describe('a ledger', () => {
  it('with errors writes nothing and reports each error with its row, column and value', async () => {
    const file = await xlsxOf([
      LEDGER_HEADERS,
      person(SCHOOL, '张三', A, 'BZ-0001'),
      person(SCHOOL, '李四', `${B.slice(0, 17)}0`, null),
      [...person(SCHOOL, '王五', C, null).slice(0, 10), '2010-13-01', '2012-03-01', '事业编制', null],
      [...person(SCHOOL, '赵六', D, null).slice(0, 12), '公益编制', null],
      person(SCHOOL, '张三', A, null),
      person(code('12410100MB0000099'), '钱七', id('41010219870101005'), null),
      [...person(SCHOOL, '孙八', id('41010219870101013'), null).slice(0, 4), '女', ...person(SCHOOL, '', '', null).slice(5)],
    ]);
    const job = await importFile('ledger', file);
    expect(job.state).toBe('REFUSED');
    const issues = job.issues.map((i: any) => [i.severity, i.row, i.column, i.value]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['ERROR', 3, '公民身份号码', `${B.slice(0, 17)}0`],
        ['ERROR', 4, '参加工作时间', '2010-13-01'],
        ['ERROR', 5, '编制类别', '公益编制'],
        ['ERROR', 6, '公民身份号码', A],
        ['ERROR', 7, '单位统一社会信用代码', code('12410100MB0000099')],
        ['ERROR', 8, '性别', '女'],
      ]),
    );
    expect(job.issues.find((i: any) => i.row === 6).message).toBe('与第2行重复');
    expect(await ledgerOf(SCHOOL)).toEqual([]);
    expect(await database.db.select().from(staffingCards)).toEqual([]);
    const report = await call(IMPORT_ROUTES.report, operator, JSON.stringify({ id: job.id }));
    const rows: unknown[][] = [];
    for await (const row of readSheetRows(Buffer.from(report.body as Uint8Array))) rows.push(row.cells);
    expect(rows[0]).toEqual(['类别', '行号', '列', '值', '问题说明']);
    expect(rows).toContainEqual(['错误', 5, '编制类别', '公益编制', '应为以下之一：行政编制、政法专项编制、事业编制、工勤编制']);
  });

  it('without errors is loaded, cards issued, over-quota units warned about', async () => {
    const file = await xlsxOf([
      LEDGER_HEADERS,
      person(SCHOOL, '张三', A, 'BZ-0001'),
      person(SCHOOL, '李四', B, 'BZ-0002'),
      person(SCHOOL, '王五', C, null),
      person(HOSPITAL, '赵六', D, 'BZ-0004'),
    ]);
    const job = await importFile('ledger', file);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, rowsDone: 4 });
    expect((await ledgerOf(SCHOOL)).map((e) => e.name)).toEqual(['张三', '李四', '王五']);
    expect((await ledgerOf(SCHOOL))[0]).toMatchObject({ workStartDate: '2010-07-01', unitJoinDate: '2012-03-01', quotaCategory: 'PUBLIC_SERVICE' });
    expect(await database.db.select({ number: staffingCards.number }).from(staffingCards).orderBy(staffingCards.number)).toEqual([
      { number: 'BZ-0001' },
      { number: 'BZ-0002' },
      { number: 'BZ-0004' },
    ]);
    // 3 persons of public-service quota where 2 are approved.
    expect(job.issues).toEqual([expect.objectContaining({ severity: 'WARNING', row: 2, column: '编制类别', message: expect.stringContaining('超编') })]);
  });

  it('re-imported, replaces the ledger of the units it names and no other; a person from another unit moves with a warning', async () => {
    const file = await xlsxOf([LEDGER_HEADERS, person(SCHOOL, '张三', A, 'BZ-0001'), person(SCHOOL, '赵六', D, null)]);
    const job = await importFile('ledger', file);
    expect(job.state).toBe('SUCCEEDED');
    expect((await ledgerOf(SCHOOL)).map((e) => e.idNumber)).toEqual([A, D].sort());
    expect(await ledgerOf(HOSPITAL)).toEqual([]);
    expect(job.issues).toEqual([
      expect.objectContaining({ severity: 'WARNING', row: 3, column: '公民身份号码', value: D, message: expect.stringContaining(HOSPITAL) }),
    ]);
  });

  it('exported and imported again is unchanged', async () => {
    const before = await ledgerOf(SCHOOL);
    const exported = await call(IMPORT_ROUTES.exportLedger, operator, JSON.stringify({ institution: SCHOOL }));
    expect(exported.status).toBe(200);
    const job = await importFile('ledger', Buffer.from(exported.body as Uint8Array));
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 0, rowsDone: before.length });
    expect(await ledgerOf(SCHOOL)).toEqual(before);
  });

  it('from a unit operator, is refused for rows of another unit', async () => {
    const clerk: Viewer = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'clerk', unit: HOSPITAL };
    const before = await ledgerOf(SCHOOL);
    const job = await importFile('ledger', await xlsxOf([LEDGER_HEADERS, person(SCHOOL, '张三', A, null), person(HOSPITAL, '李四', B, null)]), clerk);
    expect(job.state).toBe('REFUSED');
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 2, column: '单位统一社会信用代码', value: SCHOOL, message: '用人单位填报员只能导入本单位的数据' }),
    ]);
    expect(await ledgerOf(SCHOOL)).toEqual(before);
    expect(await ledgerOf(HOSPITAL)).toEqual([]);
  });
});
