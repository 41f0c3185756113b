import type { GraphQLResolveInfo } from 'graphql';
import { officeName } from '../../../identity/roles.ts';
import type { CatalogApiContext } from '../context.ts';
import { parseId } from '../domain/liveness.ts';
import { mayRevoke } from '../domain/permissions.ts';
import { CatalogErrorCode, invalid } from '../domain/refusal.ts';
import { changeEntries, refuse, requireViewer } from '../operationLogging.ts';
import { forget } from '../requestCache.ts';

/** `Mutation.revokeGrant`: the grant stops working at once (the store refreshes the live-grant list). */
export async function revokeGrant(ctx: CatalogApiContext, args: { id: string; reason: string }, info: GraphQLResolveInfo) {
  const viewer = await requireViewer(ctx, info, { ...args });
  const id = parseId(args.id);
  const grant = id === null ? null : await ctx.store.grant(id);
  const entry = grant && (await ctx.store.snapshot()).entries.get(grant.entryCode);
  if (!grant || !entry) {
    return refuse(ctx, info, { code: CatalogErrorCode.NOT_FOUND, zh: `授权 ${args.id} 不存在`, en: `no grant ${args.id}`, extra: { field: 'id' } }, { ...args });
  }
  if (!mayRevoke(viewer, entry.providerOffice)) {
    const zh = `只有${officeName(entry.providerOffice)}的负责人、审核员或协调小组成员可以撤销该授权`;
    return refuse(ctx, info, { code: CatalogErrorCode.FORBIDDEN, zh, en: `only ${entry.providerOffice}'s leaders and reviewers, or a coordinator, revoke this grant` }, { ...args });
  }
  const reason = args.reason.trim();
  if (!reason) return refuse(ctx, info, invalid('reason', '撤销须说明理由', 'a revocation needs reasons'), { ...args });
  if (grant.revokedAt) return refuse(ctx, info, invalid('id', '该授权已撤销', 'the grant is already revoked'), { ...args });

  const revoked = await ctx.store.revokeGrant(grant.id, viewer.sub, reason, ctx.now(), (after) =>
    changeEntries(ctx, info, [{ kind: 'GRANT', action: 'REVOKE_GRANT', before: grant, after, coordinates: grant.coordinates }]),
  );
  forget(ctx);
  if (!revoked) return refuse(ctx, info, invalid('id', '该授权已被他人撤销', 'the grant was revoked meanwhile'), { ...args });
  return { grant: revoked };
}
