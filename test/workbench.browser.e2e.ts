import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { generateCity, type City } from '@hub/launcher/demo';
import { startTestHub, type TestHub } from './src/testHub.ts';

/** Debian's chromium (`apt-get install chromium fonts-wqy-microhei`, as .ci/run does); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

let city: City;
let hub: TestHub;
let base: string;
let browser: Browser;
/** Every request any page sent, and those to a host that is not this machine (aborted). */
const requested: string[] = [];
const leaks: string[] = [];
/** Console errors of the pages (a CSP refusal shows there). */
const consoleErrors: string[] = [];

/** A fresh browser profile's tab (its own sessionStorage), every request routed through the host check. */
async function newTab(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
    leaks.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page };
}

/** Signs in with the development picker (office, role). */
async function devSignIn(page: Page, office: string, role: string) {
  await page.goto(`${base}/workbench`);
  await page.selectOption('[data-testid=dev-sign-in] select[name=office]', office);
  await page.selectOption('[data-testid=dev-sign-in] select[name=role]', role);
  await page.click('[data-testid=dev-sign-in] button[type=submit]');
  await page.waitForSelector('[data-testid=viewer]');
}

const number = async (page: Page, testId: string) => Number((await page.textContent(`[data-testid=${testId}] .big`))?.trim());

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `没有找到 Chromium（${CHROMIUM}）：请先 apt-get install -y chromium fonts-wqy-microhei / Chromium is missing at ${CHROMIUM}: install Debian's chromium (.ci/run does)`,
    );
  }
  city = generateCity({ seed: 11, institutions: 60, persons: 2400 });
  hub = await startTestHub(() => city, { devSignIn: true });
  base = hub.url.replace(/\/graphql$/, '');
  mkdirSync(SCREENSHOTS, { recursive: true });
  // playwright-core gives every launch a fresh profile of its own (a new --user-data-dir, removed at close).
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('the workbench in a browser', () => {
  it("shows the city's figures exactly as the GraphQL answer gives them", async () => {
    const { context, page } = await newTab();
    await devSignIn(page, 'staffing', 'LEADER');
    await page.waitForSelector('[data-testid=overview] [data-testid=fig-approved]');
    await page.waitForSelector('[data-testid=overview] canvas');
    const answer = await hub.query(
      `{ staffScope { institutionCount quotaUse { total { approved occupied reserved vacant overQuota } red yellow green } } }`,
      {},
      await hub.as({ office: 'staffing', role: 'LEADER' }),
    );
    expect(answer.errors).toBeUndefined();
    const scope = answer.data.staffScope;
    expect(scope.institutionCount).toBe(60);
    expect(await number(page, 'fig-institutions')).toBe(scope.institutionCount);
    expect(await number(page, 'fig-approved')).toBe(scope.quotaUse.total.approved);
    expect(await number(page, 'fig-occupied')).toBe(scope.quotaUse.total.occupied);
    expect(await number(page, 'fig-reserved')).toBe(scope.quotaUse.total.reserved);
    expect(await number(page, 'fig-vacant')).toBe(scope.quotaUse.total.vacant);
    expect(await number(page, 'fig-over')).toBe(scope.quotaUse.total.overQuota);
    expect(await number(page, 'fig-red')).toBe(scope.quotaUse.red);
    expect(await number(page, 'fig-yellow')).toBe(scope.quotaUse.yellow);
    expect(await number(page, 'fig-green')).toBe(scope.quotaUse.green);
    expect(scope.quotaUse.red + scope.quotaUse.yellow + scope.quotaUse.green).toBe(60);
    // The page shows no error of the API (a FORBIDDEN field would be 无权查看, anything else a list of errors).
    expect(await page.locator('[data-testid=errors]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}overview.png`, fullPage: true });
    await context.close();
  });

  it('drills from a system into an institution', async () => {
    const { context, page } = await newTab();
    await devSignIn(page, 'staffing', 'REVIEWER');
    await page.waitForSelector('[data-testid=systems-table] a');
    await page.click('[data-testid=systems-table] tbody tr:first-child a');
    await page.waitForSelector('[data-testid=system] [data-testid=light-table] a');
    const link = page.locator('[data-testid=system] [data-testid=light-table] tbody tr:first-child a');
    const href = (await link.getAttribute('href'))!;
    const creditCode = decodeURIComponent(href.replace('#/institution/', ''));
    await page.screenshot({ path: `${SCREENSHOTS}system.png`, fullPage: true });
    await link.click();
    await page.waitForSelector('[data-testid=institution] [data-testid=quota-table]');
    const answer = await hub.query(
      `query($code: ID!) { institution(creditCode: $code) { name quotas { category approved occupied } } }`,
      { code: creditCode },
      await hub.as({ office: 'staffing', role: 'REVIEWER' }),
    );
    const institution = answer.data.institution;
    expect(await page.textContent('[data-testid=institution-name]')).toBe(institution.name);
    const rows = await page.locator('[data-testid=quota-table] tbody tr').allTextContents();
    expect(rows).toHaveLength(institution.quotas.length);
    const approvedShown = await page.locator('[data-testid=quota-table] tbody tr td:nth-child(2)').allTextContents();
    expect(approvedShown.map(Number)).toEqual(institution.quotas.map((q: { approved: number }) => q.approved));
    await page.screenshot({ path: `${SCREENSHOTS}institution.png`, fullPage: true });
    await context.close();
  });

  it('a request made in the browser by one office is approved in the browser by the provider, and then the requester reads the field', async () => {
    const unit = city.organization.cadres[0]!.institutionCreditCode;
    const cadresThere = city.organization.cadres.filter((c) => c.institutionCreditCode === unit);
    // HR's reviewer: the cadres of an institution are conditional (ZZB-01-002): 无权查看, not an empty list.
    const hr = await newTab();
    await devSignIn(hr.page, 'hr', 'REVIEWER');
    await hr.page.goto(`${base}/workbench#/institution/${unit}`);
    await hr.page.waitForSelector('[data-testid=institution] [data-testid=cadres] .forbidden');
    expect(await hr.page.textContent('[data-testid=cadres]')).toBe('无权查看');
    await hr.page.goto(`${base}/workbench#/catalog/ZZB-01-002`);
    await hr.page.waitForSelector('[data-testid=request-form]');
    await hr.page.fill('[data-testid=request-form] input[name=purpose]', '人事档案核对 <b>批次</b>');
    await hr.page.fill('[data-testid=request-form] input[name=caseNumber]', '人社核〔2026〕7号');
    await hr.page.click('[data-testid=request-form] button[type=submit]');
    const filed = await hr.page.waitForSelector('[data-testid=request-form] .ok');
    const id = /已提交申请 (\S+)，/.exec((await filed.textContent())!)![1]!;
    await hr.page.screenshot({ path: `${SCREENSHOTS}request.png`, fullPage: true });

    // The Organization Department's leader signs in with a pasted token (the production path), refuses
    // nothing without a reason (the API's own message), then approves.
    const org = await newTab();
    await org.page.goto(`${base}/workbench`);
    await org.page.fill('[data-testid=token-form] textarea', await hub.token({ office: 'organization', role: 'LEADER', sub: 'zzb-lead' }));
    await org.page.click('[data-testid=token-form] button[type=submit]');
    await org.page.waitForSelector('[data-testid=viewer]');
    await org.page.goto(`${base}/workbench#/requests`);
    const controls = `[data-testid=decide-${id}]`;
    await org.page.waitForSelector(controls);
    const pendingRow = org.page.locator('[data-testid=requests-table] tbody tr', { has: org.page.locator(controls) });
    expect(await pendingRow.textContent()).toContain('人事档案核对 <b>批次</b>');
    await org.page.fill(`${controls} input[name=reason]`, '同意，限人事档案核对使用');
    await org.page.click(`${controls} button.approve`);
    await org.page.waitForSelector(`${controls} .ok`);
    await org.page.screenshot({ path: `${SCREENSHOTS}approve.png`, fullPage: true });

    // HR now reads the cadres of that institution, as the API gives them.
    await hr.page.goto(`${base}/workbench#/requests`);
    await hr.page.goto(`${base}/workbench#/institution/${unit}`);
    await hr.page.waitForSelector('[data-testid=institution] [data-testid=cadres-table]');
    const names = await hr.page.locator('[data-testid=cadres-table] tbody tr td:first-child').allTextContents();
    expect(names.sort()).toEqual(cadresThere.map((c) => c.name).sort());
    await hr.page.screenshot({ path: `${SCREENSHOTS}granted.png`, fullPage: true });
    await hr.context.close();
    await org.context.close();
  });

  it('shows the printable annual report with its charts', async () => {
    const { context, page } = await newTab();
    await devSignIn(page, 'staffing', 'LEADER');
    await page.goto(`${base}/workbench#/report`);
    await page.waitForSelector('[data-testid=report] canvas');
    const answer = await hub.query(`{ structureReport { title scopes { label } } }`, {}, await hub.as({ office: 'staffing', role: 'LEADER' }));
    expect(await page.textContent('[data-testid=report] h1')).toBe(answer.data.structureReport.title);
    expect(await page.locator('[data-testid=report] .report-scope').count()).toBe(answer.data.structureReport.scopes.length);
    expect(await page.locator('[data-testid=errors]').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SCREENSHOTS}report-print.png`, fullPage: true });
    await context.close();
  });

  it('sent nothing beyond this machine and broke no content-security rule', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    expect(requested.every((href) => LOOPBACK.has(new URL(href).hostname))).toBe(true);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});

describe('the development sign-in', () => {
  it('signs only known offices and roles, and is absent from a gateway started without it', async () => {
    const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const good = await post(`${base}/workbench/dev-token`, { office: 'finance', role: 'AUDITOR' });
    expect(good.status).toBe(200);
    const { token } = await good.json();
    const who = await hub.query(`{ myAccess(coordinates: ["Query.operationLog"]) { allowed } }`, {}, { authorization: `Bearer ${token}` });
    expect(who.status).toBe(200);
    const bad = await post(`${base}/workbench/dev-token`, { office: 'finance', role: 'UNIT_OPERATOR' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toContain('未知的角色');
    const other = await hub.startGateway({ now: () => new Date() });
    try {
      const absent = await post(`${other.url.replace(/\/graphql$/, '')}/workbench/dev-token`, { office: 'finance', role: 'AUDITOR' });
      expect(absent.status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});
