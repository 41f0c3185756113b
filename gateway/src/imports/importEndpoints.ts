import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  ErrorCode,
  hubError,
  IMPORT_KINDS,
  IMPORT_ROUTES,
  type ImportOffice,
  importMediaType,
  isImportKind,
  looksLikeXlsx,
  type Viewer,
  XLSX_TYPE,
} from '@hub/schema';
import type { OperationLog } from '../audit/operationLog.ts';
import { requestInfo } from '../errors/requestInfo.ts';
import { requestViewer } from '../identity/authenticate.ts';
import type { TokenService } from '../identity/tokens.ts';
import type { Route } from '../httpServer.ts';
import { postToSubgraph, type SubgraphRouteAnswer } from '../messaging/postToSubgraph.ts';
import type { ImportLogRelay } from './importLogRelay.ts';

export interface ImportLimits {
  /** The largest file accepted (IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** The most data rows in one file (IMPORT_MAX_ROWS). */
  maxRows: number;
}

export interface ImportEndpointOptions {
  secret: string;
  urls: Record<ImportOffice, string>;
  tokens: TokenService;
  log: OperationLog;
  limits: ImportLimits;
  relay: ImportLogRelay;
}

const JOB_ID = /^(staffing|hr|finance|organization)-[0-9a-f-]{36}$/;
const OFFICES = Object.keys(IMPORT_KINDS).join('|');
const IMPORT_PATH = new RegExp(`^/imports/(${OFFICES})/([a-z-]{1,40})$`);
const TEMPLATE_PATH = new RegExp(`^/templates/(${OFFICES})/([a-z-]{1,40})\\.xlsx$`);
const JOB_PATH = /^\/imports\/jobs\/([^/]{1,100})(\/report\.xlsx)?$/;

/** A refusal in the GraphQL error shape, with its status. */
function refuse(res: ServerResponse, status: number, error: GraphQLError) {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/** Passes an office's answer on: its status, type, disposition and body. */
function relay(res: ServerResponse, answer: SubgraphRouteAnswer, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json; charset=utf-8', ...extra };
  const disposition = answer.headers.get('content-disposition');
  if (disposition) headers['content-disposition'] = disposition;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

const unknownKind = (office: string, kind: string) =>
  hubError(ErrorCode.NOT_FOUND, null, `没有这种导入：${office}/${kind}`, `no such import kind: ${office}/${kind}`, {
    reason: 'UNKNOWN_IMPORT_KIND',
    kinds: IMPORT_KINDS[office as ImportOffice] ?? [],
  });

/** Reads the upload up to the limit; a larger one is drained and refused (413) without being kept. */
async function readUpload(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = Number.isFinite(declared) && declared > limit;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks, size);
}

/** The file's name from `?name=` or a Content-Disposition header the client sent, for the job and the log. */
function fileNameOf(req: IncomingMessage, url: URL): string | null {
  const given = url.searchParams.get('name');
  if (given) return given.slice(0, 200);
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/i.exec(String(req.headers['content-disposition'] ?? ''));
  try {
    return match ? decodeURIComponent(match[1] ?? match[2]!).slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * The spreadsheet endpoints of the edge (README, "Loading records from spreadsheets"):
 * `POST /imports/<office>/<kind>` (the xlsx as the body; 202 and the job), `GET /imports/jobs/<id>`,
 * `GET /imports/jobs/<id>/report.xlsx`, `GET /templates/<office>/<kind>.xlsx` and
 * `GET /exports/ledger.xlsx?institution=<code>` or `?system=<SYSTEM>`. Each is forwarded, signed with
 * the caller's viewer, to the owner office, which decides who may; the gateway checks the token, the
 * kind, the size and that the body is a zip at all. Refusals here are logged like any refused write.
 */
export function importEndpoints(options: ImportEndpointOptions): Route {
  const forward = (office: ImportOffice, path: string, viewer: Viewer | null, body: string | Uint8Array, contentType = 'application/json') =>
    postToSubgraph(options.secret, office, options.urls[office], path, body, { viewer, contentType, timeoutMs: 60_000 });

  const refuseWrite = async (res: ServerResponse, viewer: Viewer | null, operationName: string, status: number, error: GraphQLError) => {
    await options.log.append({
      kind: 'WRITE',
      outcome: 'REFUSED',
      actor: viewer,
      operationName,
      coordinates: [],
      detail: { code: error.extensions.code, reason: error.extensions.reason ?? null, message: error.extensions.messageEn },
    });
    refuse(res, status, error);
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const importPath = IMPORT_PATH.exec(url.pathname);
    const templatePath = TEMPLATE_PATH.exec(url.pathname);
    const jobPath = JOB_PATH.exec(url.pathname);
    const exportPath = url.pathname === '/exports/ledger.xlsx';
    if (!importPath && !templatePath && !jobPath && !exportPath && !/^\/(imports|templates)\//.test(url.pathname)) return false;
    const method = importPath ? 'POST' : 'GET';
    if (req.method !== method) {
      res.setHeader('allow', method);
      refuse(res, 405, hubError(ErrorCode.BAD_REQUEST, null, `此地址只接受 ${method} 请求`, `this endpoint answers ${method} only`));
      return true;
    }
    let viewer: Viewer | null;
    try {
      viewer = await requestViewer(req, options.tokens);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      await options.log.append({ kind: 'AUTH', outcome: 'DENIED', detail: { code: error.extensions.reason, message: error.extensions.messageEn } });
      refuse(res, 401, error);
      return true;
    }
    if (templatePath) {
      const [, office, kind] = templatePath as unknown as [string, ImportOffice, string];
      if (!isImportKind(office, kind)) {
        refuse(res, 404, unknownKind(office, kind));
        return true;
      }
      relay(res, await forward(office, IMPORT_ROUTES.template(kind), viewer, '{}'));
      return true;
    }
    if (!viewer) {
      refuse(
        res,
        401,
        hubError(ErrorCode.UNAUTHENTICATED, null, '需要令牌（Authorization: Bearer …）', 'a bearer token is required', { reason: 'TOKEN_MISSING' }),
      );
      return true;
    }
    if (importPath) {
      const [, office, kind] = importPath as unknown as [string, ImportOffice, string];
      const operationName = `import:${office}/${kind}`;
      if (!isImportKind(office, kind)) {
        req.resume();
        await refuseWrite(res, viewer, operationName, 404, unknownKind(office, kind));
        return true;
      }
      const file = await readUpload(req, options.limits.maxBytes);
      if (!file) {
        const mib = (options.limits.maxBytes / 1024 / 1024).toFixed(options.limits.maxBytes % (1024 * 1024) ? 2 : 0);
        await refuseWrite(
          res,
          viewer,
          operationName,
          413,
          hubError(ErrorCode.PAYLOAD_TOO_LARGE, null, `文件超过 ${mib} MiB 的上限`, `the file is larger than ${mib} MiB`, { limit: options.limits.maxBytes }),
        );
        return true;
      }
      if (!looksLikeXlsx(file)) {
        await refuseWrite(
          res,
          viewer,
          operationName,
          415,
          hubError(ErrorCode.BAD_REQUEST, null, '文件不是 xlsx 格式（Excel 2007 及以后的工作簿）', 'the file is not an xlsx workbook', { reason: 'NOT_XLSX' }),
        );
        return true;
      }
      const answer = await forward(office, IMPORT_ROUTES.start(kind), viewer, file, importMediaType(XLSX_TYPE, options.limits.maxRows, fileNameOf(req, url)));
      if (answer.status !== 202) {
        const body = JSON.parse(answer.body.toString('utf8')) as { errors?: { extensions?: Record<string, unknown> }[] };
        const ext = body.errors?.[0]?.extensions ?? {};
        await options.log.append({
          kind: 'WRITE',
          outcome: 'REFUSED',
          actor: viewer,
          operationName,
          coordinates: [],
          detail: { code: ext.code, reason: ext.reason ?? null },
        });
        relay(res, answer);
        return true;
      }
      const { job } = JSON.parse(answer.body.toString('utf8')) as { job: { id: string } };
      res.writeHead(202, { 'content-type': 'application/json; charset=utf-8', location: `/imports/jobs/${job.id}` });
      res.end(JSON.stringify({ job, links: { status: `/imports/jobs/${job.id}`, report: `/imports/jobs/${job.id}/report.xlsx` } }));
      return true;
    }
    if (jobPath) {
      const [, id, report] = jobPath;
      const match = JOB_ID.exec(id!);
      if (!match) {
        refuse(res, 404, hubError(ErrorCode.NOT_FOUND, null, '没有这个导入任务', 'no such import job'));
        return true;
      }
      const office = match[1] as ImportOffice;
      const answer = await forward(office, report ? IMPORT_ROUTES.report : IMPORT_ROUTES.status, viewer, JSON.stringify({ id }));
      if (
        !report &&
        answer.status === 200 &&
        !['QUEUED', 'RUNNING'].includes((JSON.parse(answer.body.toString('utf8')) as { job: { state: string } }).job.state)
      )
        options.relay.wake();
      relay(res, answer);
      return true;
    }
    if (exportPath) {
      const institution = url.searchParams.get('institution');
      const system = url.searchParams.get('system');
      if (!institution === !system) {
        refuse(res, 400, hubError(ErrorCode.BAD_REQUEST, null, '应给出 institution 或 system 之一', 'give either institution or system'));
        return true;
      }
      const answer = await forward('staffing', IMPORT_ROUTES.exportLedger, viewer, JSON.stringify(institution ? { institution } : { system }));
      await options.log.append({
        kind: answer.status === 200 ? 'READ' : 'DENIAL',
        outcome: answer.status === 200 ? 'ALLOWED' : 'DENIED',
        actor: viewer,
        operationName: 'export:staffing/ledger',
        coordinates: ['Institution.ledger'],
        detail: { institution, system, status: answer.status, requestId: requestInfo(req).id },
      });
      relay(res, answer);
      return true;
    }
    refuse(res, 404, hubError(ErrorCode.NOT_FOUND, null, '未找到', 'not found'));
    return true;
  };
}
