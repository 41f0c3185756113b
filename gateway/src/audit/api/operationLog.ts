import { cursorAt, ErrorCode, hubError, readPage, type Viewer } from '@hub/schema';
import type { LogKind, OperationLog, OperationLogEntry, OperationLogFilter } from '../operationLog.ts';

/** Auditors search the whole operation log; everyone else their own entries only. */
const readsWholeLog = (viewer: Viewer) => viewer.role === 'AUDITOR';

/** Checking the chain is the auditors' and the security officers' job. */
const mayVerifyLog = (viewer: Viewer) => viewer.role === 'AUDITOR' || viewer.role === 'SECURITY_OFFICER';

function requireViewer(viewer: Viewer | null): Viewer {
  if (viewer) return viewer;
  throw hubError(ErrorCode.UNAUTHENTICATED, '', '请先登录（携带令牌）', 'sign in first (present a token)');
}

export interface OperationLogArgs {
  kind?: string | null;
  actorOffice?: string | null;
  actorSub?: string | null;
  operationName?: string | null;
  coordinate?: string | null;
  from?: Date | null;
  to?: Date | null;
  first?: number | null;
  after?: string | null;
}

const LOG_KINDS: ReadonlySet<string> = new Set<LogKind>(['READ', 'WRITE', 'CATALOG', 'REQUEST', 'GRANT', 'DENIAL', 'AUTH']);

const page = (nodes: OperationLogEntry[], offset: number, totalCount: number) => ({
  nodes,
  totalCount,
  pageInfo: { hasNextPage: offset + nodes.length < totalCount, endCursor: nodes.length ? cursorAt(offset + nodes.length - 1) : null },
});

/**
 * `Query.operationLog`, newest first. An auditor searches everything; anyone else signed in sees only
 * entries they made themselves: their office and subject are imposed on the filter, and asking for
 * someone else's finds nothing.
 */
export async function operationLog(log: OperationLog, caller: Viewer | null, args: OperationLogArgs) {
  const viewer = requireViewer(caller);
  const { limit, offset } = readPage(args.first, args.after, 50);
  if (args.kind != null && !LOG_KINDS.has(args.kind)) {
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'kind', `类别应为 ${[...LOG_KINDS].join('、')} 之一`, `kind must be one of ${[...LOG_KINDS].join(', ')}`);
  }
  const filter: OperationLogFilter = {
    ...(args.kind != null && { kind: args.kind as LogKind }),
    ...(args.actorOffice != null && { actorOffice: args.actorOffice }),
    ...(args.actorSub != null && { actorSub: args.actorSub }),
    ...(args.operationName != null && { operationName: args.operationName }),
    ...(args.coordinate != null && { coordinate: args.coordinate }),
    ...(args.from && { from: args.from.toISOString() }),
    ...(args.to && { to: args.to.toISOString() }),
  };
  if (!readsWholeLog(viewer)) {
    if ((filter.actorOffice ?? viewer.office) !== viewer.office || (filter.actorSub ?? viewer.sub) !== viewer.sub) return page([], offset, 0);
    filter.actorOffice = viewer.office;
    filter.actorSub = viewer.sub;
  }
  const { entries, total } = await log.search(filter, { limit, offset });
  return page(entries, offset, total);
}

/** `Query.verifyOperationLog`: walks the whole chain; auditors and security officers only. */
export async function verifyOperationLog(log: OperationLog, caller: Viewer | null) {
  const viewer = requireViewer(caller);
  if (!mayVerifyLog(viewer))
    throw hubError(ErrorCode.FORBIDDEN, '', '只有审计人员和保密员可以校验操作日志', 'only auditors and security officers verify the operation log');
  const result = await log.verify();
  return result.ok
    ? { ok: true, entries: result.entries, head: result.head, problem: null, seq: null, message: null }
    : { ok: false, entries: result.entries, head: null, problem: result.problem, seq: result.seq, message: result.message };
}
