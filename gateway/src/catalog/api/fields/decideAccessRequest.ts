import type { GraphQLResolveInfo } from 'graphql';
import type { GrantRow, RequestRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { chinaToday } from '../domain/chinaDay.ts';
import { checkDecision, type DecideArgs } from '../domain/decisionRules.ts';
import { parseId } from '../domain/liveness.ts';
import { CatalogErrorCode, invalid } from '../domain/refusal.ts';
import { changeEntries, refuse, requireViewer, type Change } from '../operationLogging.ts';
import { forget } from '../requestCache.ts';

/**
 * `Mutation.decideAccessRequest`: approves (the store makes the grant in the same transaction) or
 * refuses a pending request; the decision and the grant are logged with them, in one transaction.
 */
export async function decideAccessRequest(ctx: CatalogApiContext, args: DecideArgs & { id: string }, info: GraphQLResolveInfo) {
  const viewer = await requireViewer(ctx, info, { ...args });
  const id = parseId(args.id);
  const request = id === null ? null : await ctx.store.request(id);
  const entry = request && (await ctx.store.snapshot()).entries.get(request.entryCode);
  if (!request || !entry) {
    return refuse(ctx, info, { code: CatalogErrorCode.NOT_FOUND, zh: `共享申请 ${args.id} 不存在`, en: `no access request ${args.id}`, extra: { field: 'id' } }, { ...args });
  }
  const now = ctx.now();
  const checked = checkDecision(viewer, request, entry, args, chinaToday(now));
  if ('refusal' in checked) return refuse(ctx, info, checked.refusal, { ...args });

  // The decision and its grant are logged in the transaction that writes them.
  const decisionLog = (result: { request: RequestRow; grant: GrantRow | null }) => {
    const changes: Change[] = [
      {
        kind: 'REQUEST',
        action: args.approve ? 'APPROVE_ACCESS_REQUEST' : 'REFUSE_ACCESS_REQUEST',
        before: request,
        after: result.request,
        coordinates: request.coordinates,
        purpose: request.purpose,
        caseNumber: request.caseNumber,
      },
    ];
    if (result.grant) {
      changes.push({ kind: 'GRANT', action: 'GRANT', before: null, after: result.grant, coordinates: result.grant.coordinates, purpose: request.purpose, caseNumber: request.caseNumber });
    }
    return changeEntries(ctx, info, changes);
  };
  const decided = await ctx.store.decide(request.id, { approve: args.approve, by: viewer.sub, reason: checked.reason, expiresAt: checked.expiresAt, at: now }, decisionLog);
  forget(ctx);
  // Someone else decided it between our read and our write: the store changed nothing.
  if (!decided.request) return refuse(ctx, info, invalid('id', '申请已被他人处理', 'the request was decided meanwhile'), { ...args });
  return { request: decided.request, grant: decided.grant };
}
