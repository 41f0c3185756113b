import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { generateCity, type City } from '@hub/launcher/demo';
import { creditCodeCheckChar, IMPORT_KINDS, idNumberCheckChar, readSheetRows, streamWorkbook } from '@hub/schema';
import { ledgerEntries } from '../subgraphs/staffing/src/db/schema.ts';
import { startTestHub, type TestHub } from './src/index.ts';

/**
 * Spreadsheet import and export through the gateway, as an office's staff do it: upload an xlsx with
 * a token, poll the job, download its report; export a ledger and load it back. Asserts on what the
 * offices hold afterwards and on the operation log.
 */
let hub: TestHub;
let city: City;
let base: string;
const MAX_BYTES = 256 * 1024;

const code = (body: string) => body + creditCodeCheckChar(body);
const id = (body: string) => body + idNumberCheckChar(body);
const NEW_UNIT = code('12410100MB0000777');
const staffingOperator = { office: 'staffing', role: 'OPERATOR', sub: 'zhang-op' };
const auditor = { office: 'staffing', role: 'AUDITOR', sub: 'sun-auditor' };

const xlsxOf = (rows: unknown[][]) =>
  streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet('Sheet1');
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  });

async function rowsOf(file: Buffer): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const row of readSheetRows(file)) rows.push(row.cells);
  return rows;
}

type Viewer = { office: string; role: string; sub?: string; unit?: string };

async function upload(office: string, kind: string, file: Buffer, viewer: Viewer) {
  const response = await fetch(`${base}/imports/${office}/${kind}?name=${encodeURIComponent(`${kind}.xlsx`)}`, {
    method: 'POST',
    headers: { ...(await hub.as(viewer)), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Uploads and polls the job until it has finished; returns the finished job and every state seen. */
async function importFile(office: string, kind: string, file: Buffer, viewer: Viewer = staffingOperator) {
  const started = await upload(office, kind, file, viewer);
  expect(started.status).toBe(202);
  const seen: string[] = [];
  for (;;) {
    const response = await fetch(`${base}/imports/jobs/${started.body.job.id}`, { headers: await hub.as(viewer) });
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as any;
    seen.push(job.state);
    if (!['QUEUED', 'RUNNING'].includes(job.state)) return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

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
const person = (unit: string, name: string, idNumber: string, card: string | null) => [
  unit,
  null,
  name,
  idNumber,
  null,
  '汉族',
  '河南郑州',
  null,
  '群众',
  '科员',
  '2010-07-01',
  '2012-03-01',
  '事业编制',
  card,
];
const P1 = id('41010219850317101');
const P2 = id('41010219900102202');
const P3 = id('41010219920511303');

const staffingDb = () => hub.subgraphs.staffing.database.db;
const LEDGER = `query($code: ID!) { institution(creditCode: $code) { quotas { category approved occupied } ledger(first: 100) { nodes { name person { idNumber } staffingCardNumber quotaCategory } } } }`;
const ledgerOf = async (creditCode: string) => (await hub.query(LEDGER, { code: creditCode }, await hub.as(staffingOperator))).data.institution;
const LOG = `query($op: String) { operationLog(operationName: $op, first: 50) { nodes { kind outcome actorSub operationName detail } } }`;
const logOf = async (operationName: string) => {
  await hub.gateway.importLog.drain();
  const nodes = (await hub.query(LOG, { op: operationName }, await hub.as(auditor))).data.operationLog.nodes;
  return nodes.map((node: any) => ({ ...node, detail: JSON.parse(node.detail) }));
};

beforeAll(async () => {
  city = generateCity({ seed: 3, institutions: 140, persons: 1400 });
  hub = await startTestHub(() => city, { imports: { maxBytes: MAX_BYTES, logPollMs: 3_600_000 } });
  base = hub.url.replace(/\/graphql$/, '');
});
afterAll(() => hub?.stop());

describe('templates', () => {
  it('are served for every kind with the kind’s headers and an example row', async () => {
    const response = await fetch(`${base}/templates/staffing/ledger.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await rowsOf(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(LEDGER_HEADERS);
    expect(rows).toHaveLength(2);
    // Every kind the gateway routes has an importer in its office (the office answers its template).
    for (const [office, kinds] of Object.entries(IMPORT_KINDS))
      for (const kind of kinds) {
        const template = await fetch(`${base}/templates/${office}/${kind}.xlsx`);
        expect([office, kind, template.status]).toEqual([office, kind, 200]);
        expect((await rowsOf(Buffer.from(await template.arrayBuffer()))).length).toBe(2);
      }
    const unknown = await fetch(`${base}/templates/staffing/bogus.xlsx`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_IMPORT_KIND',
      kinds: ['institutions', 'ledger'],
    });
  });
});

describe('importing a ledger', () => {
  it('institutions first: a new unit with its quota', async () => {
    const file = await xlsxOf([
      [
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
      ],
      [NEW_UNIT, '中州市新建服务中心', '事业单位', '市直', '农业农村', '全额拨款', null, 1, null, null, 2, null],
    ]);
    const { job } = await importFile('staffing', 'institutions', file);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, rowsTotal: 1 });
    expect((await ledgerOf(NEW_UNIT)).quotas).toEqual([{ category: 'PUBLIC_SERVICE', approved: 2, occupied: 0 }]);
  });

  it('with errors writes nothing; the report lists each error with its row, column and value', async () => {
    const file = await xlsxOf([
      LEDGER_HEADERS,
      person(NEW_UNIT, '张三', P1, 'BZ-N-1'),
      person(NEW_UNIT, '李四', `${P2.slice(0, 17)}${P2[17] === '0' ? '1' : '0'}`, null),
      [...person(NEW_UNIT, '王五', P3, null).slice(0, 10), '2010年13月', '2012-03-01', '事业编制', null],
      person(NEW_UNIT, '张三', P1, null),
    ]);
    const { job } = await importFile('staffing', 'ledger', file);
    expect(job).toMatchObject({ state: 'REFUSED', errors: 3 });
    expect((await ledgerOf(NEW_UNIT)).ledger.nodes).toEqual([]);
    const report = await fetch(`${base}/imports/jobs/${job.id}/report.xlsx`, { headers: await hub.as(staffingOperator) });
    expect(report.status).toBe(200);
    const rows = await rowsOf(Buffer.from(await report.arrayBuffer()));
    expect(rows.slice(0, 4)).toEqual([
      ['类别', '行号', '列', '值', '问题说明'],
      ['错误', 3, '公民身份号码', `${P2.slice(0, 17)}${P2[17] === '0' ? '1' : '0'}`, '公民身份号码校验码错误（GB 11643-1999）'],
      ['错误', 4, '参加工作时间', '2010年13月', '不是真实的日期'],
      ['错误', 5, '公民身份号码', P1, '与第2行重复'],
    ]);
    const [entry] = await logOf('import:staffing/ledger');
    expect(entry).toMatchObject({
      kind: 'WRITE',
      outcome: 'REFUSED',
      actorSub: 'zhang-op',
      detail: { jobId: job.id, errors: 3, code: 'IMPORT_REFUSED', changes: [] },
    });
  });

  it('without errors loads, with progress polled and a warning for the unit over its quota; the log has the summary', async () => {
    const file = await xlsxOf([
      LEDGER_HEADERS,
      person(NEW_UNIT, '张三', P1, 'BZ-N-1'),
      person(NEW_UNIT, '李四', P2, 'BZ-N-2'),
      person(NEW_UNIT, '王五', P3, null),
    ]);
    const { job, seen } = await importFile('staffing', 'ledger', file);
    expect(seen.at(-1)).toBe('SUCCEEDED');
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 1, percent: 100, rowsDone: 3, rowsTotal: 3 });
    expect(job.issues[0].message).toContain('超编');
    const ledger = await ledgerOf(NEW_UNIT);
    expect(ledger.ledger.nodes.map((n: any) => n.person.idNumber).sort()).toEqual([P1, P2, P3].sort());
    expect(ledger.quotas).toEqual([{ category: 'PUBLIC_SERVICE', approved: 2, occupied: 3 }]);
    const [entry] = await logOf('import:staffing/ledger');
    expect(entry.outcome).toBe('ALLOWED');
    expect(entry.detail.changes).toContainEqual(
      expect.objectContaining({
        entity: 'Ledger',
        key: NEW_UNIT,
        action: 'IMPORT_REPLACE',
        before: { rows: 0, hash: null },
        after: expect.objectContaining({ rows: 3, added: { count: 3, keys: [P1, P2, P3] }, removed: { count: 0, keys: [] } }),
      }),
    );
  });

  it('re-imported, replaces that unit’s ledger (and only that unit’s)', async () => {
    const other = city.staffing.ledgerEntries[0]!.institutionCreditCode;
    const otherBefore = await ledgerOf(other);
    const { job } = await importFile('staffing', 'ledger', await xlsxOf([LEDGER_HEADERS, person(NEW_UNIT, '张三', P1, 'BZ-N-1')]));
    expect(job).toMatchObject({ state: 'SUCCEEDED', warnings: 0 });
    expect((await ledgerOf(NEW_UNIT)).ledger.nodes.map((n: any) => n.person.idNumber)).toEqual([P1]);
    expect(await ledgerOf(other)).toEqual(otherBefore);
    const [entry] = await logOf('import:staffing/ledger');
    const change = entry.detail.changes.find((c: any) => c.key === NEW_UNIT);
    expect(change.before.rows).toBe(3);
    expect(change.after).toMatchObject({ rows: 1, removed: { count: 2 } });
  });

  it('exported and imported again leaves the ledger unchanged', async () => {
    const unit = city.staffing.institutions.find(
      (i) => city.staffing.ledgerEntries.filter((e) => e.institutionCreditCode === i.creditCode).length >= 5,
    )!.creditCode;
    const rowsNow = () => staffingDb().select().from(ledgerEntries).where(eq(ledgerEntries.institutionCreditCode, unit)).orderBy(asc(ledgerEntries.idNumber));
    const before = await rowsNow();
    const exported = await fetch(`${base}/exports/ledger.xlsx?institution=${unit}`, { headers: await hub.as(staffingOperator) });
    expect(exported.status).toBe(200);
    const file = Buffer.from(await exported.arrayBuffer());
    const rows = await rowsOf(file);
    expect(rows[0]).toEqual(LEDGER_HEADERS);
    expect(rows).toHaveLength(before.length + 1);
    const { job } = await importFile('staffing', 'ledger', file);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, rowsTotal: before.length });
    expect(await rowsNow()).toEqual(before);
    const [entry] = await logOf('import:staffing/ledger');
    const change = entry.detail.changes.find((c: any) => c.key === unit);
    expect(change.after.hash).toBe(change.before.hash);
    // A system's ledger: every unit of the system, the same headers.
    const system = city.staffing.institutions.find((i) => i.creditCode === unit)!.system;
    const bySystem = await fetch(`${base}/exports/ledger.xlsx?system=${system}`, { headers: await hub.as(staffingOperator) });
    expect(bySystem.status).toBe(200);
    const systemRows = await rowsOf(Buffer.from(await bySystem.arrayBuffer()));
    const units = new Set(city.staffing.institutions.filter((i) => i.system === system).map((i) => i.creditCode));
    expect(systemRows[0]).toEqual(LEDGER_HEADERS);
    expect(systemRows.slice(1).every((r) => units.has(r[0] as string))).toBe(true);
    expect(systemRows.map((r) => r[3])).toEqual(expect.arrayContaining(before.map((e) => e.idNumber)));
  });

  it('by a unit operator: its own unit’s ledger loads, another unit’s rows are refused', async () => {
    const clerk = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'clerk', unit: NEW_UNIT };
    const other = city.staffing.ledgerEntries[0]!;
    const before = await ledgerOf(other.institutionCreditCode);
    const { job } = await importFile(
      'staffing',
      'ledger',
      await xlsxOf([LEDGER_HEADERS, person(NEW_UNIT, '张三', P1, 'BZ-N-1'), person(other.institutionCreditCode, '李四', P2, null)]),
      clerk,
    );
    expect(job.state).toBe('REFUSED');
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 3, column: '单位统一社会信用代码', value: other.institutionCreditCode, message: '用人单位填报员只能导入本单位的数据' }),
    ]);
    expect(await ledgerOf(other.institutionCreditCode)).toEqual(before);
    const own = await importFile(
      'staffing',
      'ledger',
      await xlsxOf([LEDGER_HEADERS, person(NEW_UNIT, '张三', P1, 'BZ-N-1'), person(NEW_UNIT, '李四', P2, 'BZ-N-2')]),
      clerk,
    );
    expect(own.job).toMatchObject({ state: 'SUCCEEDED', errors: 0 });
    expect((await ledgerOf(NEW_UNIT)).ledger.nodes).toHaveLength(2);
    // Nor may it import institutions, or read another unit's export.
    const refused = await upload('staffing', 'institutions', await xlsxOf([['统一社会信用代码']]), clerk);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITE_NOT_OWNER' });
    const exported = await fetch(`${base}/exports/ledger.xlsx?institution=${other.institutionCreditCode}`, { headers: await hub.as(clerk) });
    expect(exported.status).toBe(403);
    expect((await fetch(`${base}/exports/ledger.xlsx?institution=${NEW_UNIT}`, { headers: await hub.as(clerk) })).status).toBe(200);
    expect((await fetch(`${base}/exports/ledger.xlsx?system=EDUCATION`, { headers: await hub.as(clerk) })).status).toBe(403);
    const payrollClerk = await upload('finance', 'payroll', await xlsxOf([['公民身份号码']]), { office: 'finance', role: 'UNIT_OPERATOR', unit: NEW_UNIT });
    expect(payrollClerk.status).toBe(403);
  });
});

describe('files the gateway refuses', () => {
  it('too large (413), not an xlsx (415), an unknown kind (404), no token (401), another office’s kind (403)', async () => {
    const large = await upload('staffing', 'ledger', Buffer.alloc(MAX_BYTES + 1, 1), staffingOperator);
    expect(large.status).toBe(413);
    expect(large.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: MAX_BYTES, messageZh: '文件超过 0.25 MiB 的上限' });
    const text = await upload('staffing', 'ledger', Buffer.from('姓名,公民身份号码\n张三,1\n'), staffingOperator);
    expect(text.status).toBe(415);
    expect(text.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'NOT_XLSX' });
    const unknown = await upload('staffing', 'salaries', await xlsxOf([['a']]), staffingOperator);
    expect(unknown.status).toBe(404);
    const anonymous = await fetch(`${base}/imports/staffing/ledger`, { method: 'POST', body: new Uint8Array(await xlsxOf([['a']])) });
    expect(anonymous.status).toBe(401);
    const hrOnStaffing = await upload('staffing', 'ledger', await xlsxOf([LEDGER_HEADERS]), { office: 'hr', role: 'OPERATOR' });
    expect(hrOnStaffing.status).toBe(403);
    const log = await logOf('import:staffing/ledger');
    expect(log.filter((e: any) => e.outcome === 'REFUSED').map((e: any) => e.detail.code)).toEqual(
      expect.arrayContaining(['PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'FORBIDDEN']),
    );
  });

  it('a zip that is not a workbook, and a workbook without the headers, end REFUSED with the reason', async () => {
    const { job: missing } = await importFile(
      'staffing',
      'ledger',
      await xlsxOf([
        ['姓名', '公民身份号码'],
        ['张三', P1],
      ]),
    );
    expect(missing.state).toBe('REFUSED');
    expect(missing.issues[0].message).toMatch(/^未找到表头，缺少列：单位统一社会信用代码、民族/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const { job: broken } = await importFile('staffing', 'ledger', zip);
    expect(broken.state).toBe('REFUSED');
    expect(broken.issues[0].message).toContain('xlsx');
  });
});

describe('the other offices', () => {
  it('HR loads a roster and sees the person through the graph', async () => {
    const hr = { office: 'hr', role: 'OPERATOR', sub: 'hr-op' };
    const file = await xlsxOf([
      [
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
      ],
      [
        NEW_UNIT,
        '张三',
        P1,
        '汉族',
        '河南郑州',
        '在编',
        '大学本科',
        '学士',
        '农艺师',
        '中级',
        '机关事业户',
        '是',
        '是',
        '2014-10-01',
        '2010-07-01',
        '2012-03-01',
      ],
      [
        NEW_UNIT,
        '周九',
        id('41010219950101404'),
        '回族',
        '河南开封',
        '劳务派遣',
        '大专',
        '无',
        null,
        null,
        '企业户',
        '是',
        '否',
        null,
        '2018.07',
        '2019-01-01',
      ],
    ]);
    const { job } = await importFile('hr', 'roster', file, hr);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 0, rowsTotal: 2 });
    const answer = await hub.query(
      `query($id: ID!) { person(idNumber: $id) { name employment { type } education insurance { enrolled } } }`,
      { id: P1 },
      await hub.as(hr),
    );
    expect(answer.data.person).toMatchObject({ name: '张三', employment: { type: 'IN_QUOTA' }, education: 'UNDERGRADUATE', insurance: { enrolled: true } });
  });

  it('Finance loads budget units and a month’s payroll; a second payroll file replaces that unit’s records', async () => {
    const finance = { office: 'finance', role: 'OPERATOR', sub: 'fin-op' };
    const units = await importFile(
      'finance',
      'budget-units',
      await xlsxOf([
        ['预算单位编码', '单位统一社会信用代码', '预算单位名称', '经费形式', '预算编制人数'],
        ['YS-NEW-1', NEW_UNIT, '中州市新建服务中心', '差额拨款', 1],
      ]),
      finance,
    );
    expect(units.job).toMatchObject({ state: 'SUCCEEDED', errors: 0 });
    const PAYROLL = ['公民身份号码', '姓名', '单位统一社会信用代码', '预算科目', '月应发工资', '发放月份', '发放状态'];
    const first = await importFile(
      'finance',
      'payroll',
      await xlsxOf([
        PAYROLL,
        [P1, '张三', NEW_UNIT, '30101 基本工资', '6850.50', '2026-10', '在发'],
        [P2, '李四', NEW_UNIT, '30101 基本工资', 7000, '2026-10', null],
      ]),
      finance,
    );
    // Two paid where one is budgeted: loaded, with a warning.
    expect(first.job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 1 });
    const second = await importFile('finance', 'payroll', await xlsxOf([PAYROLL, [P2, '李四', NEW_UNIT, '30101 基本工资', 7000, '2026-11', '停发']]), finance);
    expect(second.job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 0 });
    const read = `query($code: ID!) { institution(creditCode: $code) { budgetUnit { code fundingForm budgetedHeadcount }
      payroll(first: 10) { nodes { nameOnRecord onPayroll lastPaidMonth budgetLine } } } }`;
    const answer = await hub.query(read, { code: NEW_UNIT }, await hub.as(finance));
    expect(answer.data.institution).toEqual({
      budgetUnit: { code: 'YS-NEW-1', fundingForm: 'PARTIAL', budgetedHeadcount: 1 },
      payroll: { nodes: [{ nameOnRecord: '李四', onPayroll: false, lastPaidMonth: '2026-11', budgetLine: '30101 基本工资' }] },
    });
  });

  it('the Organization Department loads a cadre roster; a cadre recorded in another unit moves, with a warning', async () => {
    const organization = { office: 'organization', role: 'OPERATOR', sub: 'org-op' };
    const elsewhere = city.organization.cadres[0]!;
    const file = await xlsxOf([
      ['公民身份号码', '姓名', '单位统一社会信用代码', '职务', '职级', '是否领导职务', '任职时间'],
      [P1, '张三', NEW_UNIT, '主任', '正科级', '是', '2021-06-01'],
      [elsewhere.idNumber, elsewhere.name, NEW_UNIT, '副主任', '副科', '否', '2022.03'],
    ]);
    const { job } = await importFile('organization', 'cadres', file, organization);
    expect(job).toMatchObject({ state: 'SUCCEEDED', errors: 0, warnings: 1 });
    expect(job.issues[0]).toMatchObject({ row: 3, value: elsewhere.idNumber, message: expect.stringContaining(elsewhere.institutionCreditCode) });
    const answer = await hub.query(
      `query($id: ID!) { person(idNumber: $id) { cadre { post rank leadership institution { creditCode } } } }`,
      { id: elsewhere.idNumber },
      await hub.as(organization),
    );
    expect(answer.data.person.cadre).toEqual({ post: '副主任', rank: 'DEPUTY_SECTION', leadership: false, institution: { creditCode: NEW_UNIT } });
    const [entry] = await logOf('import:organization/cadres');
    expect(entry.detail.changes.map((c: any) => [c.key, c.action])).toEqual(
      expect.arrayContaining([
        [NEW_UNIT, 'IMPORT_REPLACE'],
        [elsewhere.institutionCreditCode, 'IMPORT_MOVED_OUT'],
      ]),
    );
  });
});
