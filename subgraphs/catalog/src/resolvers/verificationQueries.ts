import { connection, ErrorCode, readPage, unitScope } from '@hub/schema';
import type { CatalogContext } from '../context.ts';
import { countFindings, type FindingFilter, findingsByIds, listFindings } from '../db/findingQueries.ts';
import { listRuns, runById } from '../db/runQueries.ts';
import { parseId } from '../domain/liveness.ts';
import { refuse, requireViewer } from '../domain/refuse.ts';
import type { QueryFindingArgs, QueryFindingsArgs, QueryVerificationRunArgs, QueryVerificationRunsArgs } from '../generated/resolvers.ts';

/** `Query.verificationRuns`: every signed-in office sees the runs (no personal data in them). */
export async function verificationRuns(_: unknown, args: QueryVerificationRunsArgs, ctx: CatalogContext) {
  requireViewer(ctx);
  const page = readPage(args.first, args.after, 20);
  return connection(await listRuns(ctx.db, args.status ?? null, page.limit + 1, page.offset), page);
}

export async function verificationRun(_: unknown, args: QueryVerificationRunArgs, ctx: CatalogContext) {
  requireViewer(ctx);
  const id = parseId(args.id);
  return id === null ? null : ((await runById(ctx.db, id)) ?? null);
}

/**
 * `Query.findings`: the four offices and the coordination group see every finding (each must see
 * what it has to act on and what it is involved in); a unit operator only its own unit's.
 */
export async function findings(_: unknown, args: QueryFindingsArgs, ctx: CatalogContext) {
  const viewer = requireViewer(ctx);
  const unit = unitScope(viewer);
  if (unit && args.creditCode && args.creditCode !== unit)
    refuse({
      code: ErrorCode.FORBIDDEN,
      field: 'creditCode',
      zh: '只能查看本单位的核查问题',
      en: "a unit operator sees only its own unit's findings",
      extra: { reason: 'OTHER_UNIT' },
    });
  const filter: FindingFilter = { creditCode: unit ?? args.creditCode, idNumber: args.idNumber, mustAct: args.mustAct, type: args.type, status: args.status };
  const page = readPage(args.first, args.after, 50);
  const rows = await listFindings(ctx.db, filter, page.limit + 1, page.offset);
  return { ...connection(rows, page), totalCount: await countFindings(ctx.db, filter) };
}

export async function finding(_: unknown, args: QueryFindingArgs, ctx: CatalogContext) {
  const viewer = requireViewer(ctx);
  const id = parseId(args.id);
  const [row] = id === null ? [] : await findingsByIds(ctx.db, [id]);
  const unit = unitScope(viewer);
  if (row && unit && row.creditCode !== unit) return null;
  return row ?? null;
}
