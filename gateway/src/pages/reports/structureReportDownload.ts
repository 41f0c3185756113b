import type { Route } from '../../httpServer.ts';
import type { PageQuery } from '../catalog/catalogPage.ts';
import { STRUCTURE_REPORT_QUERY } from './structureReportQuery.ts';
import { structureReportWorkbook } from './structureReportWorkbook.ts';

const PATH = '/reports/structure.xlsx';

const sendJson = (res: Parameters<Route>[1], status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const refusal = (code: string, zh: string, en: string) => ({ errors: [{ message: `${zh} / ${en}`, extensions: { code } }] });

/**
 * GET /reports/structure.xlsx?year=2026&asOf=2026-12-31: the annual structure report (年度结构报告) as a
 * workbook, read through the gateway's own GraphQL with the caller's bearer token, so the catalog and
 * the offices' rules apply exactly as to the query itself; a refusal is the API's (its code, in
 * Chinese and English), as JSON.
 */
export function structureReportDownload(ask: PageQuery): Route {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH) return false;
    if ((req.method ?? 'GET').toUpperCase() !== 'GET') {
      sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', '只支持 GET 请求', 'GET only'), { allow: 'GET' });
      return true;
    }
    const year = url.searchParams.get('year');
    const asOf = url.searchParams.get('asOf');
    if ((year !== null && !/^\d{4}$/.test(year)) || (asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
      sendJson(res, 400, refusal('INVALID_ARGUMENT', 'year 应为四位年份，asOf 应为 YYYY-MM-DD', 'year must be four digits, asOf YYYY-MM-DD'));
      return true;
    }
    const answer = await ask(req, STRUCTURE_REPORT_QUERY, { year: year === null ? null : Number(year), asOf });
    if (answer.unauthenticated !== undefined) {
      sendJson(res, 401, refusal('UNAUTHENTICATED', ...(answer.unauthenticated.split(' / ') as [string, string])), { 'www-authenticate': 'Bearer' });
      return true;
    }
    const report = answer.data?.structureReport;
    if (!report) {
      const first = (answer.errors?.[0] ?? {}) as { extensions?: { code?: string } };
      sendJson(res, first.extensions?.code === 'FORBIDDEN' ? 403 : 400, { errors: answer.errors ?? [] });
      return true;
    }
    const body = await structureReportWorkbook(report);
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="structure-report-${report.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${report.title}.xlsx`)}`,
      'content-length': String(body.length),
    });
    res.end(body);
    return true;
  };
}
