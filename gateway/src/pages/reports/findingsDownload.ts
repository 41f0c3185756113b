import type { Route } from '../../httpServer.ts';
import type { PageQuery } from '../catalog/catalogPage.ts';
import { FINDINGS_DOWNLOAD_MAX, FINDINGS_PAGE_SIZE, FINDINGS_QUERY } from './findingsQuery.ts';
import { type FindingRow, findingsWorkbook } from './findingsWorkbook.ts';

const PATH = '/reports/findings.xlsx';
const CREDIT_CODE = /^[0-9A-Z]{18}$/;
const OFFICE = /^[a-z]{1,32}$/;

const sendJson = (res: Parameters<Route>[1], status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const refusal = (code: string, zh: string, en: string) => ({ errors: [{ message: `${zh} / ${en}`, extensions: { code } }] });

/**
 * GET /reports/findings.xlsx?creditCode=…&mustAct=…: the verification findings (核查问题) of an
 * institution and/or of the office that must act, as a workbook. It pages `findings` through the
 * gateway's own GraphQL with the caller's bearer token (so the catalog's rules apply exactly as to the
 * query: a unit operator gets only its unit's), at most FINDINGS_DOWNLOAD_MAX findings; a refusal is
 * the API's (its code, in Chinese and English), as JSON.
 */
export function findingsDownload(ask: PageQuery): Route {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH) return false;
    if ((req.method ?? 'GET').toUpperCase() !== 'GET') {
      sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', '只支持 GET 请求', 'GET only'), { allow: 'GET' });
      return true;
    }
    const creditCode = url.searchParams.get('creditCode');
    const mustAct = url.searchParams.get('mustAct');
    if ((creditCode === null && mustAct === null) || (creditCode !== null && !CREDIT_CODE.test(creditCode)) || (mustAct !== null && !OFFICE.test(mustAct))) {
      sendJson(
        res,
        400,
        refusal(
          'INVALID_ARGUMENT',
          '应给出 creditCode（18 位统一社会信用代码）或 mustAct（部门，如 finance）',
          'give creditCode (an 18-character unified social credit code) or mustAct (an office, e.g. finance)',
        ),
      );
      return true;
    }
    const findings: FindingRow[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const answer = await ask(req, FINDINGS_QUERY, { creditCode, mustAct, first: FINDINGS_PAGE_SIZE, after });
      if (answer.unauthenticated !== undefined) {
        sendJson(res, 401, refusal('UNAUTHENTICATED', ...(answer.unauthenticated.split(' / ') as [string, string])), { 'www-authenticate': 'Bearer' });
        return true;
      }
      const page = answer.data?.findings;
      if (!page) {
        const first = (answer.errors?.[0] ?? {}) as { extensions?: { code?: string } };
        sendJson(res, first.extensions?.code === 'FORBIDDEN' ? 403 : 400, { errors: answer.errors ?? [] });
        return true;
      }
      if (page.totalCount > FINDINGS_DOWNLOAD_MAX) {
        sendJson(
          res,
          400,
          refusal(
            'TOO_MANY_FINDINGS',
            `问题超过 ${FINDINGS_DOWNLOAD_MAX} 条，请同时给出 creditCode 和 mustAct 缩小范围`,
            `more than ${FINDINGS_DOWNLOAD_MAX} findings: narrow by giving both creditCode and mustAct`,
          ),
        );
        return true;
      }
      findings.push(...page.nodes);
      more = page.pageInfo.hasNextPage && findings.length < FINDINGS_DOWNLOAD_MAX;
      after = page.pageInfo.endCursor;
    }
    const scope = [creditCode, mustAct && `应处理部门 ${mustAct}`].filter(Boolean).join('，');
    const body = await findingsWorkbook(`核查问题清单（${scope}）`, findings);
    const name = ['findings', creditCode, mustAct].filter(Boolean).join('-');
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"; filename*=UTF-8''${encodeURIComponent(`核查问题-${name}.xlsx`)}`,
      'content-length': String(body.length),
    });
    res.end(body);
    return true;
  };
}
