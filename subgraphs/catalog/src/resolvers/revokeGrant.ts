import { ErrorCode, officeName } from '@hub/schema';
import * as q from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { parseId } from '../domain/liveness.ts';
import { mayRevoke } from '../domain/permissions.ts';
import { invalid } from '../domain/refusal.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';

/** `Mutation.revokeGrant`: the grant stops working at once (the gateway refreshes its snapshot after the write). */
export async function revokeGrant(ctx: CatalogContext, args: { id: string; reason: string }) {
  const viewer = requireViewer(ctx);
  const id = parseId(args.id);
  const grant = id === null ? null : await q.grantById(ctx.db, id);
  const entry = grant && (await ctx.loaders.entries.load()).get(grant.entryCode);
  if (!grant || !entry) refuse({ code: ErrorCode.NOT_FOUND, zh: `授权 ${args.id} 不存在`, en: `no grant ${args.id}`, field: 'id' });
  if (!mayRevoke(viewer, entry.providerOffice)) {
    const zh = `只有${officeName(entry.providerOffice)}的负责人、审核员或协调小组成员可以撤销该授权`;
    refuse({ code: ErrorCode.FORBIDDEN, zh, en: `only ${entry.providerOffice}'s leaders and reviewers, or a coordinator, revoke this grant` });
  }
  const reason = args.reason.trim();
  if (!reason) refuse(invalid('reason', '撤销须说明理由', 'a revocation needs reasons'));
  if (grant.revokedAt) refuse(invalid('id', '该授权已撤销', 'the grant is already revoked'));

  const revoked = await q.revokeGrant(ctx.db, grant.id, viewer.sub, reason, ctx.now());
  ctx.loaders.clearAll();
  if (!revoked) refuse(invalid('id', '该授权已被他人撤销', 'the grant was revoked meanwhile'));
  reportChanges(ctx, [{ entity: 'Grant', key: grant.id, action: 'REVOKE_GRANT', before: grant, after: revoked, coordinates: grant.coordinates }]);
  return { grant: revoked };
}
