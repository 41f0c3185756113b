import { beijingDay, ErrorCode } from '@hub/schema';
import * as q from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { checkAccessRequest, type RequestAccessInput } from '../domain/accessRequestRules.ts';
import { mayRequestAccess } from '../domain/permissions.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';

/**
 * `Mutation.requestAccess`: files a PENDING request, due 10 working days from today (Beijing). An
 * identical request of the same office still pending (entry, items, purpose, case and period) is
 * answered with that one: nothing is filed or reported again, so a retry or a double click files once.
 */
export async function requestAccess(ctx: CatalogContext, args: { input: RequestAccessInput }) {
  const viewer = requireViewer(ctx);
  if (!mayRequestAccess(viewer)) refuse({ code: ErrorCode.FORBIDDEN, zh: '用人单位填报员不能提交共享申请', en: 'unit operators do not file access requests' });
  const entries = await ctx.loaders.entries.load();
  const now = ctx.now();
  const checked = checkAccessRequest(viewer, entries.get(args.input.entryCode), args.input, beijingDay(now), now, ctx.holidays);
  if ('refusal' in checked) refuse(checked.refusal);

  const { request, filed } = await q.fileRequest(ctx.db, checked.row);
  if (!filed) return { request };
  reportChanges(ctx, [
    {
      entity: 'AccessRequest',
      key: request.id,
      action: 'REQUEST_ACCESS',
      before: null,
      after: request,
      coordinates: request.coordinates,
      purpose: request.purpose,
      caseNumber: request.caseNumber,
    },
  ]);
  ctx.loaders.clearAll();
  return { request };
}
