import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultCatalog, type CatalogEntryDefinition } from '@hub/schema/contracts';
import { startTestHub, type TestHub } from './src/testHub.ts';

/** 2026-12-01 10:00 in Beijing: when the pages are looked at. */
const NOW = new Date('2026-12-01T02:00:00Z');
const catalog: CatalogEntryDefinition[] = loadDefaultCatalog();
const RENAMED = 'BB-99-001';
const UPDATE_CYCLE_LABELS: Record<string, string> = { REALTIME: '实时', DAILY: '每日', MONTHLY: '每月', QUARTERLY: '每季', YEARLY: '每年' };

let hub: TestHub;
let clock = NOW;
let base: string;
/** A coordinator sees every request and grant; the pages show a visitor what the API shows them. */
let coordinator: Record<string, string>;
const ids: Record<'overdue' | 'onTime' | 'live' | 'expired' | 'revoked', string> = { overdue: '', onTime: '', live: '', expired: '', revoked: '' };

const coordinatesOf = (code: string) =>
  catalog
    .find((e) => e.code === code)!
    .items.map((i) => i.coordinate)
    .sort();
/** Files a request as `${office}-reviewer-7` at `at`, as that office's app would. */
async function request(entryCode: string, office: string, at: string): Promise<string> {
  clock = new Date(at);
  const headers = await hub.as({ office, role: 'OPERATOR', sub: `${office}-reviewer-7` });
  const answer = await hub.query(
    `mutation($input: RequestAccessInput!) { requestAccess(input: $input) { request { id } } }`,
    { input: { entryCode, purpose: `工资审核 <${office}>`, caseNumber: `审〔2026〕${entryCode}号`, periodFrom: '2026-11-01', periodTo: '2027-10-31' } },
    headers,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.requestAccess.request.id;
}
async function approve(id: string, expiresOn: string): Promise<string> {
  clock = new Date('2026-11-20T02:00:00Z');
  const answer = await hub.query(
    `mutation($id: ID!, $on: Date) { decideAccessRequest(id: $id, approve: true, reason: "同意", expiresOn: $on) { grant { id } } }`,
    { id, on: expiresOn },
    await hub.as({ office: 'organization', role: 'LEADER', sub: 'zzb-lead' }),
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.decideAccessRequest.grant.id;
}

beforeAll(async () => {
  hub = await startTestHub(undefined, { now: () => clock });
  base = hub.url.replace(/\/graphql$/, '');
  coordinator = await hub.as({ office: 'staffing', role: 'COORDINATOR', sub: 'tester' });
  // Two pending requests for the conditional pay amounts: one past its due day (2026-11-16), one not yet (2026-12-01).
  ids.overdue = await request('CZ-02-002', 'hr', '2026-11-02T01:30:00Z');
  ids.onTime = await request('CZ-02-002', 'staffing', '2026-11-17T01:30:00Z');
  // Three grants of the conditional cadre entry: live, expired, revoked.
  ids.live = await approve(await request('ZZB-01-002', 'staffing', '2026-11-18T01:30:00Z'), '2027-06-30');
  ids.expired = await approve(await request('ZZB-01-002', 'finance', '2026-11-18T01:30:00Z'), '2026-11-30');
  ids.revoked = await approve(await request('ZZB-01-002', 'hr', '2026-11-18T01:30:00Z'), '2027-06-30');
  clock = new Date('2026-11-25T02:00:00Z');
  const revoked = await hub.query(
    `mutation($id: ID!) { revokeGrant(id: $id, reason: "用途已完成") { grant { id } } }`,
    { id: ids.revoked },
    await hub.as({ office: 'organization', role: 'LEADER', sub: 'zzb-lead' }),
  );
  expect(revoked.errors).toBeUndefined();
  const renamed = await hub.query(
    `mutation($code: ID!) { updateCatalogEntry(code: $code, input: { name: "<script>x</script>" }) { entry { version } } }`,
    { code: RENAMED },
    // Signed now: a token is checked on the gateway's clock, and the coordinator's was issued at NOW.
    await hub.as({ office: 'staffing', role: 'COORDINATOR', sub: 'tester' }),
  );
  expect(renamed.errors).toBeUndefined();
  clock = NOW;
});
afterAll(async () => {
  await hub?.stop();
});

/** A page as the coordinator sees it (or as `headers` say: `{}` for an anonymous visitor). */
const get = async (path: string, init: RequestInit = {}, headers: Record<string, string> = coordinator) => {
  const response = await fetch(base + path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
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
const codes = (filter: (e: CatalogEntryDefinition) => boolean) =>
  catalog
    .filter(filter)
    .map((e) => e.code)
    .sort();
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
    for (const value of [
      entry.classification,
      entry.summary,
      entry.format,
      entry.shareConditions!,
      entry.shareMethod,
      entry.basis!,
      entry.maintainer,
      entry.publishedOn,
    ]) {
      expect(page).toContain(value.replace(/\s+/g, ' '));
    }
    expect(page).toContain(`提供部门 组织部（ ${entry.providerCode} ）`);
    for (const code of entry.relatedCodes) expect(body).toContain(`href="/catalog/${code}"`);
    for (const item of entry.items) {
      expect(row(body, 'coordinate', item.coordinate)).toMatch(
        new RegExp(`\\d+ ${item.name} ${item.coordinate.replace('.', '\\.')} ${item.dataType} [低中高]`),
      );
      expect(body).toContain(`<code>${item.coordinate}</code>`);
    }
  });

  it('shows who holds grants: office, items, granted and expiry times in Beijing time, and live / expired / revoked', async () => {
    const { body } = await get('/catalog/ZZB-01-002');
    const items = coordinatesOf('ZZB-01-002').join(' ');
    expect(row(body, 'grant', ids.live).trim()).toBe(`编办 ${items} 2026-11-20 10:00 2027-06-30 23:59 有效`);
    expect(row(body, 'grant', ids.expired).trim()).toBe(`财政局 ${items} 2026-11-20 10:00 2026-11-30 23:59 已过期`);
    expect(row(body, 'grant', ids.revoked).trim()).toBe(`人社局 ${items} 2026-11-20 10:00 2027-06-30 23:59 已撤销 2026-11-25 10:00 撤销：用途已完成`);
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
    expect(row(body, 'version', 1)).toMatch(/^ v1 system:default-catalog \d{4}-\d{2}-\d{2} \d{2}:\d{2} 首次登记 $/);
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

  it('leaves every other URL to the other routes', async () => {
    expect((await get('/catalogs')).status).toBe(404);
    expect((await get('/health')).status).toBe(200);
  });
});

describe('catalog pages: what an anonymous visitor sees', () => {
  it('shows the open catalog and no request, requester, purpose, case number or grant', async () => {
    for (const path of ['/catalog', '/catalog/CZ-02-002', '/catalog/ZZB-01-002']) {
      const { status, body } = await get(path, {}, {});
      expect(status).toBe(200);
      for (const secret of ['reviewer-7', '审〔2026〕', 'data-request=', 'data-grant=', '用途已完成']) expect(body, `${path}: ${secret}`).not.toContain(secret);
    }
    expect(text((await get('/catalog', {}, {})).body)).toContain('待审申请：登录后可见');
    expect(text((await get('/catalog/ZZB-01-002', {}, {})).body)).toContain('授权情况 须登录并由目录授权后可见');
    // What the API refuses the visitor, the page does not show either.
    const api = await hub.query(`{ accessRequests { id purpose } }`);
    expect(api.data?.accessRequests ?? null).toBeNull();
  });

  it('answers a forged or expired token with 401 in Chinese and English, showing nothing', async () => {
    for (const path of ['/catalog', '/catalog/CZ-02-002']) {
      const { status, headers, body } = await get(path, {}, { authorization: 'Bearer forged.token.value' });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer');
      expect(text(body)).toMatch(/令牌.*token/i);
      expect(body).not.toContain('data-code=');
    }
  });

  it('shows another office only the requests and grants that concern it', async () => {
    const finance = await hub.as({ office: 'finance', role: 'OPERATOR', sub: 'cz-op' });
    const { body } = await get('/catalog/ZZB-01-002', {}, finance);
    expect(row(body, 'grant', ids.expired)).toContain('财政局');
    expect(body).not.toContain(`data-grant="${ids.live}"`);
    expect(body).not.toContain(`data-grant="${ids.revoked}"`);
  });
});
