import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogApiContext } from '../context.ts';
import { checkAccessRequest, type RequestAccessInput } from '../domain/accessRequestRules.ts';
import { chinaToday } from '../domain/chinaDay.ts';
import { mayRequestAccess } from '../domain/permissions.ts';
import { CatalogErrorCode } from '../domain/refusal.ts';
import { changeEntries, refuse, requireViewer } from '../operationLogging.ts';
import { forget } from '../requestCache.ts';

/** `Mutation.requestAccess`: files a PENDING request, due 10 working days from today (Beijing). */
export async function requestAccess(ctx: CatalogApiContext, args: { input: RequestAccessInput }, info: GraphQLResolveInfo) {
  const viewer = await requireViewer(ctx, info, { ...args });
  if (!mayRequestAccess(viewer)) {
    return refuse(ctx, info, { code: CatalogErrorCode.FORBIDDEN, zh: '用人单位填报员不能提交共享申请', en: 'unit operators do not file access requests' }, { ...args });
  }
  const { entries } = await ctx.store.snapshot();
  const now = ctx.now();
  const checked = checkAccessRequest(viewer, entries.get(args.input.entryCode), args.input, chinaToday(now), now, ctx.holidays);
  if ('refusal' in checked) return refuse(ctx, info, checked.refusal, { ...args });

  const request = await ctx.store.insertRequest(checked.row, (after) =>
    changeEntries(ctx, info, [
      { kind: 'REQUEST', action: 'REQUEST_ACCESS', before: null, after, coordinates: after.coordinates, purpose: after.purpose, caseNumber: after.caseNumber },
    ]),
  );
  forget(ctx);
  return { request };
}
