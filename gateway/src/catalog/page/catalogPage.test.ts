import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema';
import { loadDefaultCatalog, type CatalogEntryDefinition } from '@hub/schema/catalog';
import { createOperationLog } from '../../audit/operationLog.ts';
import { openGatewayDatabase } from '../../db/open.ts';
import { createCatalogStore, type CatalogStore } from '../catalogStore.ts';
import { catalogPage } from './catalogPage.ts';
import { UPDATE_CYCLE_LABELS } from './labels.ts';

/** 2026-12-01 10:00 in Beijing. */
const NOW = new Date('2026-12-01T02:00:00Z');
const catalog: CatalogEntryDefinition[] = loadDefaultCatalog();
const RENAMED = 'BB-99-001';

let database: Awaited<ReturnType<typeof openGatewayDatabase>>;
let fresh: FreshDatabase | undefined;
let store: CatalogStore;
let server: Server;
let base: string;
const ids: Record<'overdue' | 'onTime' | 'live' | 'expired' | 'revoked', number> = { overdue: 0, onTime: 0, live: 0, expired: 0, revoked: 0 };

const coordinatesOf = (code: string) => catalog.find((e) => e.code === code)!.items.map((i) => i.coordinate);
const request = (entryCode: string, requesterOffice: string, dueOn: string) =>
  store.insertRequest({
    entryCode,
    requesterOffice,
    requesterSub: `${requesterOffice}-reviewer-7`,
    purpose: `工资审核 <${requesterOffice}>`,
    caseNumber: `审〔2026〕${entryCode}号`,
    coordinates: coordinatesOf(entryCode),
    periodFrom: '2026-11-01',
    periodTo: '2027-10-31',
    status: 'PENDING',
    submittedAt: new Date('2026-11-02T01:30:00Z'),
    dueOn,
  });
const approve = async (id: number, expiresAt: Date) =>
  (await store.decide(id, { approve: true, by: 'zzb-lead', reason: '同意', expiresAt, at: new Date('2026-11-20T02:00:00Z') })).grant!.id;

beforeAll(async () => {
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  database = await openGatewayDatabase({ url: fresh?.url });
  await database.migrate();
  store = createCatalogStore(database.db, createOperationLog(database.db, { key: 'k'.repeat(64) }));
  await store.addMissingDefaults(catalog, 'seed');
  // Two pending requests for the conditional pay amounts: one past its due day, one not yet.
  ids.overdue = (await request('CZ-02-002', 'hr', '2026-11-16')).id;
  ids.onTime = (await request('CZ-02-002', 'staffing', '2026-12-01')).id;
  // Three grants of the conditional cadre entry: live, expired, revoked.
  ids.live = await approve((await request('ZZB-01-002', 'staffing', '2026-11-30')).id, new Date('2027-06-30T16:00:00Z'));
  ids.expired = await approve((await request('ZZB-01-002', 'finance', '2026-11-30')).id, new Date('2026-11-30T16:00:00Z'));
  ids.revoked = await approve((await request('ZZB-01-002', 'hr', '2026-11-30')).id, new Date('2027-06-30T16:00:00Z'));
  await store.revokeGrant(ids.revoked, 'zzb-lead', '用途已完成', new Date('2026-11-25T02:00:00Z'));
  await store.updateEntry(RENAMED, { name: '<script>x</script>' }, 'tester');

  const route = catalogPage(store, () => NOW);
  server = createServer(async (req, res) => {
    if (!(await route(req, res))) res.writeHead(599).end('not the catalog');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
  await fresh?.drop();
});

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(base + path, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
};
/** The page's text without tags, whitespace collapsed, for assertions on what a reader sees. */
const text = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const listedCodes = (page: string) => [...page.matchAll(/<tr data-code="([^"]+)"/g)].map((m) => m[1]);
const row = (page: string, attribute: string, value: string | number) =>
  text(new RegExp(`<tr data-${attribute}="${value}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '');
const codes = (filter: (e: CatalogEntryDefinition) => boolean) => catalog.filter(filter).map((e) => e.code).sort();
/** The entries a search should find: the query in the code, the name or an item's name, any case. */
const searched = (q: string) => codes((e) => [e.code, e.name, ...e.items.map((i) => i.name)].some((t) => t.toLowerCase().includes(q.toLowerCase())));

describe('catalog list page', () => {
  it('lists every entry of the catalog with the summary counts, as a self-contained HTML5 page', async () => {
    const { status, headers, body } = await get('/catalog');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatch(/^<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
    expect(body).toContain('机构编制信息共享平台');
    // Nothing loaded from elsewhere: no scripts, links, images, fonts or absolute URLs.
    expect(body).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\//i);
    expect(listedCodes(body)).toEqual(codes(() => true));

    const count = (type: string) => catalog.filter((e) => e.shareType === type).length;
    const items = catalog.reduce((sum, e) => sum + e.items.length, 0);
    expect(text(body)).toContain(
      `信息资源 ${catalog.length} 条 信息项 ${items} 个 无条件共享 ${count('UNCONDITIONAL')} 有条件共享 ${count('CONDITIONAL')} 不予共享 ${count('NOT_SHARED')} 待审申请 2 件，其中 逾期 1 件`,
    );
    expect(text(body)).not.toContain('筛选结果');
  });

  it('shows each entry with its office, share type, open attribute, cycle, status, version and item count', async () => {
    const { body } = await get('/catalog');
    const pay = catalog.find((e) => e.code === 'CZ-02-002')!;
    expect(row(body, 'code', pay.code).trim()).toBe(
      `CZ-02-002 ${pay.classification} ${pay.name.replace(/\s*\/\s+/, ' ')} 待审 2 逾期 财政局 有条件共享 不开放 ${UPDATE_CYCLE_LABELS[pay.updateCycle]} 有效 v1 ${pay.items.length}`,
    );
    expect(row(body, 'code', 'BB-01-001')).toContain('编办 无条件共享 开放 实时 有效 v1 1');
    expect(row(body, 'code', RENAMED)).toContain('v2');
  });

  it('filters by provider office and share type from the query string, with the form showing the choice', async () => {
    const hr = await get('/catalog?office=hr');
    expect(listedCodes(hr.body)).toEqual(codes((e) => e.providerOffice === 'hr'));
    expect(hr.body).toContain('<option value="hr" selected>人社局</option>');
    expect(text(hr.body)).toContain(`筛选结果（全部 ${catalog.length} 条中）： 信息资源 ${codes((e) => e.providerOffice === 'hr').length} 条`);

    const conditional = await get('/catalog?shareType=CONDITIONAL');
    expect(listedCodes(conditional.body)).toEqual(codes((e) => e.shareType === 'CONDITIONAL'));
    expect(listedCodes(conditional.body)).toEqual(expect.arrayContaining(['CZ-02-002', 'ZZB-01-002']));

    const both = await get('/catalog?office=finance&shareType=CONDITIONAL');
    expect(listedCodes(both.body)).toEqual(codes((e) => e.providerOffice === 'finance' && e.shareType === 'CONDITIONAL'));
    expect(listedCodes(both.body)).toContain('CZ-02-002');
    expect(text(both.body)).toContain('待审申请 2 件，其中 逾期 1 件');

    const none = await get('/catalog?office=organization&q=no-such-name');
    expect(listedCodes(none.body)).toEqual([]);
    expect(none.body).toContain('没有符合条件的信息资源');
  });

  it('searches entry and item names (and codes), ignoring case; values the catalog cannot have are ignored', async () => {
    const pay = await get(`/catalog?q=${encodeURIComponent('PAY')}`);
    expect(listedCodes(pay.body)).toEqual(searched('pay'));
    expect(listedCodes(pay.body)).toEqual(expect.arrayContaining(['CZ-02-001', 'CZ-02-002']));
    const wage = await get(`/catalog?q=${encodeURIComponent('工资')}`);
    expect(listedCodes(wage.body)).toEqual(searched('工资'));
    const byCode = await get('/catalog?q=rs-01');
    expect(listedCodes(byCode.body)).toEqual(searched('rs-01'));
    expect(listedCodes(byCode.body)).toContain('RS-01-001');
    const unknown = await get('/catalog?office=police&shareType=SECRET');
    expect(listedCodes(unknown.body)).toEqual(codes(() => true));
  });
});

describe('catalog detail page', () => {
  it('shows the metadata, the related codes as links and every item with its coordinate in monospace', async () => {
    const entry = catalog.find((e) => e.code === 'ZZB-01-002')!;
    const { status, body } = await get('/catalog/ZZB-01-002');
    expect(status).toBe(200);
    const page = text(body);
    for (const value of [entry.classification, entry.summary, entry.format, entry.shareConditions!, entry.shareMethod, entry.basis!, entry.maintainer, entry.publishedOn]) {
      expect(page).toContain(value.replace(/\s+/g, ' '));
    }
    expect(page).toContain(`提供部门 组织部（ ${entry.providerCode} ）`);
    for (const code of entry.relatedCodes) expect(body).toContain(`href="/catalog/${code}"`);
    for (const item of entry.items) {
      expect(row(body, 'coordinate', item.coordinate)).toMatch(new RegExp(`\\d+ ${item.name} ${item.coordinate.replace('.', '\\.')} ${item.dataType} [低中高]`));
      expect(body).toContain(`<code>${item.coordinate}</code>`);
    }
  });

  it('shows who holds grants: office, items, granted and expiry times in Beijing time, and live / expired / revoked', async () => {
    const { body } = await get('/catalog/ZZB-01-002');
    const items = coordinatesOf('ZZB-01-002').join(' ');
    expect(row(body, 'grant', ids.live).trim()).toBe(`编办 ${items} 2026-11-20 10:00 2027-07-01 00:00 有效`);
    expect(row(body, 'grant', ids.expired).trim()).toBe(`财政局 ${items} 2026-11-20 10:00 2026-12-01 00:00 已过期`);
    expect(row(body, 'grant', ids.revoked).trim()).toBe(`人社局 ${items} 2026-11-20 10:00 2027-07-01 00:00 已撤销 2026-11-25 10:00 撤销：用途已完成`);
    expect(text(body)).toContain('待审批的共享申请 （0） 暂无待审批的申请。');
  });

  it('shows pending requests, with 逾期 only on the one past its due day', async () => {
    const { body } = await get('/catalog/CZ-02-002');
    const items = coordinatesOf('CZ-02-002').join(' ');
    expect(row(body, 'request', ids.overdue).trim()).toBe(
      `人社局 hr-reviewer-7 工资审核 &lt;hr&gt; 审〔2026〕CZ-02-002号 ${items} 2026-11-01 至 2027-10-31 2026-11-02 09:30 2026-11-16 逾期`,
    );
    expect(row(body, 'request', ids.onTime)).toContain('2026-12-01');
    expect(row(body, 'request', ids.onTime)).not.toContain('逾期');
    expect(text(body)).toContain('授权情况 （0） 暂无授权。');
  });

  it('shows the version history: version, who, when and what changed', async () => {
    const { body } = await get(`/catalog/${RENAMED}`);
    expect(row(body, 'version', 2)).toMatch(/^ v2 tester \d{4}-\d{2}-\d{2} \d{2}:\d{2} 名称： 分页信息 \/ Pagination → &lt;script&gt;x&lt;\/script&gt; $/);
    expect(row(body, 'version', 1)).toMatch(/^ v1 seed \d{4}-\d{2}-\d{2} \d{2}:\d{2} 首次登记 $/);
  });
});

describe('catalog pages: escaping and errors', () => {
  it('escapes a name that holds markup, on the list and on the detail page', async () => {
    for (const path of ['/catalog', `/catalog/${RENAMED}`]) {
      const { body } = await get(path);
      expect(body).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(body).not.toContain('<script');
    }
  });

  it('answers an unknown or malformed entry code with 404 in Chinese and English', async () => {
    const unknown = await get('/catalog/XX-00-000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text(unknown.body)).toContain('目录中没有代码为「XX-00-000」的信息资源 No catalog entry with code &quot;XX-00-000&quot;');
    const markup = await get('/catalog/%3Cb%3E');
    expect(markup.status).toBe(404);
    expect(markup.body).toContain('「&lt;b&gt;」');
    expect((await get('/catalog/%E0%A4%A')).status).toBe(404);
    expect((await get('/catalog/BB-01-001/items')).status).toBe(404);
  });

  it('answers methods other than GET and HEAD with 405, and HEAD with the headers only', async () => {
    for (const path of ['/catalog', '/catalog/BB-01-001']) {
      const post = await get(path, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      expect(text(post.body)).toContain('目录页面只支持 GET 和 HEAD 请求 The catalog pages accept GET and HEAD only');
    }
    const full = await get('/catalog/BB-01-001');
    const head = await get('/catalog/BB-01-001', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(full.body)));
  });

  it('leaves every other URL to the next route', async () => {
    const route = catalogPage(store, () => NOW);
    for (const url of ['/graphql', '/', '/health', '/catalogue', '/api/catalog']) {
      expect(await route({ url, method: 'GET' } as IncomingMessage, {} as ServerResponse)).toBe(false);
    }
    expect((await get('/catalogs')).status).toBe(599);
  });
});
