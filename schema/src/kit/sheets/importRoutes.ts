import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { beijingDay } from '../beijingDay.ts';
import type { Db } from '../db.ts';
import { ErrorCode, hubError } from '../errors.ts';
import { logError } from '../logError.ts';
import { jsonResponse, parseJsonBody, type SubgraphRoute, type SubgraphRouteResponse } from '../subgraphRoutes.ts';
import { officeName, type Viewer, WRITER_ROLES } from '../roles.ts';
import { DEFAULT_IMPORT_LIMITS, IMPORT_BODY_CEILING, IMPORT_ROUTES, XLSX_TYPE } from './importKinds.ts';
import type { ImportJobRow, ImportJobsTable } from './importJobTable.ts';
import { importJobStore } from './importJobStore.ts';
import { readImportMediaType } from './readImportMediaType.ts';
import { runImport } from './runImport.ts';
import type { SheetImporter } from './sheetImporter.ts';
import type { SheetIssue } from './types.ts';
import { writeIssueReport } from './writeIssueReport.ts';
import { writeTemplate } from './writeTemplate.ts';

export interface OfficeImports {
  office: string;
  table: ImportJobsTable;
  importers: readonly SheetImporter[];
  /** The office's other sheet endpoints (the Staffing Office's ledger export). */
  extraRoutes?: SubgraphRoute<Viewer | null>[];
}

const idBody = z.object({ id: z.string().min(1).max(100) });
const claimBody = z.object({ limit: z.number().int().min(1).max(100) });
const idsBody = z.object({ ids: z.array(z.string().max(100)).max(100) });

function parse<T>(schema: z.ZodType<T>, body: Buffer): T {
  const parsed = schema.safeParse(parseJsonBody(body));
  if (!parsed.success)
    throw hubError(ErrorCode.BAD_REQUEST, null, '请求体格式不符', 'the request body is not in the expected shape', { http: { status: 400 } });
  return parsed.data;
}

const xlsx = (body: Buffer, fileName: string): SubgraphRouteResponse => ({
  status: 200,
  headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` },
  body,
});

/** A job as clients see it (GET /imports/jobs/<id>). */
export function jobView(office: string, job: ImportJobRow) {
  return {
    id: job.id,
    office,
    kind: job.kind,
    state: job.state,
    percent: job.percent,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    errors: job.errors,
    warnings: job.warnings,
    fileName: job.fileName,
    fileBytes: job.fileBytes,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    /** The first problems; the report has all that were kept. */
    issues: (job.issues as SheetIssue[]).slice(0, 20),
  };
}

/** Whether the viewer may see a job: its office's roles, and a unit operator its own unit's jobs. */
function mayRead(viewer: Viewer | null, office: string, job: ImportJobRow): boolean {
  if (!viewer || viewer.office !== office) return false;
  const actor = job.actor as Viewer;
  return viewer.role !== 'UNIT_OPERATOR' || (actor.role === 'UNIT_OPERATOR' && actor.unit === viewer.unit);
}

/** The office's writers, and for a kind kept per unit its unit operators (each row is then checked to be of their unit); 403 otherwise. */
function requireImporter(viewer: Viewer | null, office: string, importer: SheetImporter): Viewer {
  if (viewer && viewer.office === office && (WRITER_ROLES.has(viewer.role) || (viewer.role === 'UNIT_OPERATOR' && viewer.unit && importer.unitColumn)))
    return viewer;
  const units = importer.unitColumn ? '或本单位的用人单位填报员' : '';
  throw hubError(
    ErrorCode.FORBIDDEN,
    null,
    `只有${officeName(office)}的负责人、审核员或操作员${units}可以导入${importer.sheet.title}`,
    `only ${office}'s leaders, reviewers and operators${importer.unitColumn ? ', or the unit’s own unit operator,' : ''} may import ${importer.sheet.kind}`,
    { reason: 'WRITE_NOT_OWNER', http: { status: 403 } },
  );
}

const notFound = () => hubError(ErrorCode.NOT_FOUND, null, '没有这个导入任务', 'no such import job', { http: { status: 404 } });

/**
 * An office's import endpoints (beside GraphQL, signed by the gateway like every subgraph request):
 * start a job for a kind (the xlsx is the body; the answer is 202 with the job at once, the import
 * runs in this process, one at a time per office), a kind's template, a job's status and its issue
 * report, and the two calls by which a gateway writes finished jobs to the operation log.
 */
// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database
export function officeImportRoutes(imports: OfficeImports, db: Db<any>, now: () => Date): SubgraphRoute<Viewer | null>[] {
  const store = importJobStore(db, imports.table, now);
  // PGlite has one connection, which the import's transaction holds: progress stays in memory there.
  const persistProgress = typeof (db as unknown as { $client?: unknown }).$client === 'function';
  let queue: Promise<unknown> = Promise.resolve();
  const lock = sql`select pg_advisory_xact_lock(hashtext(${`hub-import:${imports.office}`}))`;

  const start = (importer: SheetImporter): SubgraphRoute<Viewer | null> => ({
    path: IMPORT_ROUTES.start(importer.sheet.kind),
    maxBodyBytes: IMPORT_BODY_CEILING,
    async handle({ caller, body, headers }) {
      const viewer = requireImporter(caller, imports.office, importer);
      const media = readImportMediaType(headers['content-type']);
      const id = `${imports.office}-${randomUUID()}`;
      await store.create({
        id,
        kind: importer.sheet.kind,
        actor: viewer,
        fileName: media.fileName,
        fileBytes: body.length,
        fileSha256: createHash('sha256').update(body).digest('hex'),
      });
      const run = queue.then(async () => {
        const outcome = await runImport({
          db,
          lock,
          store,
          jobId: id,
          importer,
          file: body,
          viewer,
          today: beijingDay(now()),
          maxRows: media.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows,
          persistProgress,
        });
        await store.finish(id, outcome);
      });
      queue = run.catch((error) => logError({ source: `import ${id}: finishing failed` }, error));
      const job = await store.get(id);
      return jsonResponse(202, { job: jobView(imports.office, job!) });
    },
  });

  return [
    ...imports.importers.map(start),
    ...imports.importers.map(
      (importer): SubgraphRoute<Viewer | null> => ({
        path: IMPORT_ROUTES.template(importer.sheet.kind),
        async handle() {
          return xlsx(await writeTemplate(importer.sheet), `${importer.sheet.title}导入模板.xlsx`);
        },
      }),
    ),
    {
      path: IMPORT_ROUTES.status,
      async handle({ caller, body }) {
        const job = await store.get(parse(idBody, body).id);
        if (!job || !mayRead(caller, imports.office, job)) throw notFound();
        return jsonResponse(200, { job: jobView(imports.office, job) });
      },
    },
    {
      path: IMPORT_ROUTES.report,
      async handle({ caller, body }) {
        const job = await store.get(parse(idBody, body).id);
        if (!job || !mayRead(caller, imports.office, job)) throw notFound();
        const issues = job.issues as SheetIssue[];
        const report = await writeIssueReport(issues, {
          title: job.fileName ?? job.id,
          errors: job.errors,
          warnings: job.warnings,
          omitted: Math.max(0, job.errors + job.warnings - issues.length),
        });
        return xlsx(report, `导入问题报告-${job.id}.xlsx`);
      },
    },
    {
      path: IMPORT_ROUTES.claimUnlogged,
      async handle({ body }) {
        const { limit } = parse(claimBody, body);
        await store.failStale();
        const jobs = await store.claimUnlogged(limit);
        return jsonResponse(200, {
          jobs: jobs.map((job) => ({ ...jobView(imports.office, job), actor: job.actor, fileSha256: job.fileSha256, audit: job.audit })),
        });
      },
    },
    {
      path: IMPORT_ROUTES.markLogged,
      async handle({ body }) {
        await store.markLogged(parse(idsBody, body).ids);
        return jsonResponse(200, { ok: true });
      },
    },
    ...(imports.extraRoutes ?? []),
  ];
}
