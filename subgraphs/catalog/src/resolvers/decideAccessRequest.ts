import { beijingDay, ErrorCode } from '@hub/schema';
import * as q from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { checkDecision, type DecideArgs } from '../domain/decisionRules.ts';
import { parseId } from '../domain/liveness.ts';
import { invalid } from '../domain/refusal.ts';
import { refuse, reportChanges, requireViewer, type Change } from '../domain/refuse.ts';

/**
 * `Mutation.decideAccessRequest`: approves (the grant is made in the same transaction) or refuses a
 * pending request; both are reported for the operation log with before and after.
 */
export async function decideAccessRequest(ctx: CatalogContext, args: DecideArgs & { id: string }) {
  const viewer = requireViewer(ctx);
  const id = parseId(args.id);
  const request = id === null ? null : await q.requestById(ctx.db, id);
  const entry = request && (await ctx.loaders.entries.load()).get(request.entryCode);
  if (!request || !entry) refuse({ code: ErrorCode.NOT_FOUND, zh: `共享申请 ${args.id} 不存在`, en: `no access request ${args.id}`, field: 'id' });
  const now = ctx.now();
  const checked = checkDecision(viewer, request, entry, args, beijingDay(now));
  if ('refusal' in checked) refuse(checked.refusal);

  const decided = await q.decideRequest(ctx.db, request.id, {
    approve: args.approve,
    by: viewer.sub,
    reason: checked.reason,
    expiresAt: checked.expiresAt,
    at: now,
  });
  ctx.loaders.clearAll();
  // Someone else decided it between our read and our write: nothing was changed.
  if (!decided) refuse(invalid('id', '申请已被他人处理', 'the request was decided meanwhile'));
  const { purpose, caseNumber, coordinates } = request;
  const changes: Change[] = [
    {
      entity: 'AccessRequest',
      key: request.id,
      action: args.approve ? 'APPROVE_ACCESS_REQUEST' : 'REFUSE_ACCESS_REQUEST',
      before: request,
      after: decided.request,
      coordinates,
      purpose,
      caseNumber,
    },
  ];
  if (decided.grant)
    changes.push({
      entity: 'Grant',
      key: decided.grant.id,
      action: 'GRANT',
      before: null,
      after: decided.grant,
      coordinates: decided.grant.coordinates,
      purpose,
      caseNumber,
    });
  reportChanges(ctx, changes);
  return decided;
}
