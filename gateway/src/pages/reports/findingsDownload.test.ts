import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSheetRows } from '@hub/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageQuery } from '../catalog/catalogPage.ts';
import { findingsDownload } from './findingsDownload.ts';
import { FINDINGS_DOWNLOAD_MAX, FINDINGS_PAGE_SIZE } from './findingsQuery.ts';

const finding = (i: number) => ({
  id: String(i),
  type: 'OVER_QUOTA',
  severity: 'HIGH',
  mustAct: 'staffing',
  offices: ['staffing'],
  creditCode: '12410100MB2826906K',
  idNumber: null,
  status: 'OPEN',
  description: `第 ${i} 条`,
  firstSeenAt: '2026-11-02T02:00:00.000Z',
  lastSeenAt: '2026-11-02T02:00:00.000Z',
  values: [{ office: 'staffing', item: 'Quota.approved', value: String(i) }],
});

/** A fake gateway answering `findings` from `total` findings, page by page as the API does (offset cursors). */
const pagedAsk = (total: number, asked: unknown[]): PageQuery => {
  return async (_req, _query, variables = {}) => {
    asked.push(variables);
    const offset = variables.after ? Number(variables.after) : 0;
    const first = variables.first as number;
    const nodes = Array.from({ length: Math.max(0, Math.min(first, total - offset)) }, (_, k) => finding(offset + k + 1));
    return { data: { findings: { totalCount: total, nodes, pageInfo: { hasNextPage: offset + first < total, endCursor: String(offset + first) } } } };
  };
};

let server: Server | undefined;
const serve = async (ask: PageQuery) => {
  const route = findingsDownload(ask);
  server = createServer(async (req, res) => {
    if (!(await route(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
};
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('findingsDownload', () => {
  it('pages findings until done: every finding one row, in the API’s order', async () => {
    const asked: Record<string, unknown>[] = [];
    const total = FINDINGS_PAGE_SIZE * 2 + 3;
    const base = await serve(pagedAsk(total, asked));
    const response = await fetch(`${base}/reports/findings.xlsx?mustAct=staffing`);
    expect(response.status).toBe(200);
    const rows: unknown[][] = [];
    for await (const row of readSheetRows(Buffer.from(await response.arrayBuffer()))) rows.push(row.cells);
    expect(rows.slice(2).map((r) => r[0])).toEqual(Array.from({ length: total }, (_, k) => String(k + 1)));
    expect(rows[2]?.[11]).toBe('staffing Quota.approved=1');
    expect(asked).toHaveLength(3);
    expect(asked[0]).toMatchObject({ mustAct: 'staffing', creditCode: null, first: FINDINGS_PAGE_SIZE, after: null });
  });

  it('refuses above the download limit, and passes the API’s refusal on', async () => {
    const base = await serve(pagedAsk(FINDINGS_DOWNLOAD_MAX + 1, []));
    const big = await fetch(`${base}/reports/findings.xlsx?mustAct=staffing`);
    expect(big.status).toBe(400);
    expect((await big.json()).errors[0].extensions.code).toBe('TOO_MANY_FINDINGS');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const forbidden = await serve(async () => ({ data: { findings: null }, errors: [{ message: '无权 / forbidden', extensions: { code: 'FORBIDDEN' } }] }));
    const refused = await fetch(`${forbidden}/reports/findings.xlsx?creditCode=12410100MB2826906K`);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
