import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogApiContext } from '../context.ts';
import { checkEntryChange, type EntryChangeInput } from '../domain/entryChange.ts';
import { mayEditCatalog } from '../domain/permissions.ts';
import { CatalogErrorCode } from '../domain/refusal.ts';
import { changeEntries, refuse, requireViewer } from '../operationLogging.ts';
import { forget } from '../requestCache.ts';

/**
 * `Mutation.updateCatalogEntry`: the coordination group changes an entry; the store keeps each change
 * as a new version (who, when, what) and the log has it with before and after. A change that changes
 * nothing makes no version and no log entry.
 */
export async function updateCatalogEntry(ctx: CatalogApiContext, args: { code: string; input: EntryChangeInput }, info: GraphQLResolveInfo) {
  const viewer = await requireViewer(ctx, info, { ...args });
  if (!mayEditCatalog(viewer)) {
    return refuse(ctx, info, { code: CatalogErrorCode.FORBIDDEN, zh: '只有协调小组成员可以修改共享目录', en: 'only the coordination group changes the catalog' }, { ...args });
  }
  const { entries } = await ctx.store.snapshot();
  const current = entries.get(args.code);
  if (!current) return refuse(ctx, info, { code: CatalogErrorCode.NOT_FOUND, zh: `信息资源 ${args.code} 不存在`, en: `no catalog entry ${args.code}`, extra: { field: 'code' } }, { ...args });
  const { patch, problems } = checkEntryChange(current, args.input, new Set(entries.keys()));
  if (problems.length) {
    const refusal = {
      code: CatalogErrorCode.INVALID_ARGUMENT,
      zh: problems.map((p) => p.zh).join('；'),
      en: problems.map((p) => p.en).join('; '),
      extra: { field: problems[0]!.field, problems },
    };
    return refuse(ctx, info, refusal, { ...args });
  }

  await ctx.store.updateEntry(args.code, patch, viewer.sub, ({ entry, changes }) => {
    const fields = Object.keys(changes);
    return changeEntries(ctx, info, [
      {
        kind: 'CATALOG',
        action: 'UPDATE_CATALOG_ENTRY',
        before: { code: args.code, version: current.version, ...Object.fromEntries(fields.map((f) => [f, changes[f]!.before])) },
        after: { code: args.code, version: entry.version, ...Object.fromEntries(fields.map((f) => [f, changes[f]!.after])) },
      },
    ]);
  });
  forget(ctx);
  return { entry: (await ctx.store.snapshot()).entries.get(args.code) ?? null };
}
