import { ErrorCode } from '@hub/schema';
import * as q from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { checkEntryChange, type EntryChangeInput } from '../domain/entryChange.ts';
import { mayEditCatalog } from '../domain/permissions.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';

/**
 * `Mutation.updateCatalogEntry`: the coordination group changes an entry; each change is a new
 * version (who, when, what) and is reported with before and after. A change that changes nothing
 * makes no version and reports nothing.
 */
export async function updateCatalogEntry(ctx: CatalogContext, args: { code: string; input: EntryChangeInput }) {
  const viewer = requireViewer(ctx);
  if (!mayEditCatalog(viewer))
    refuse({ code: ErrorCode.FORBIDDEN, zh: '只有协调小组成员可以修改共享目录', en: 'only the coordination group changes the catalog' });
  const entries = await ctx.loaders.entries.load();
  const current = entries.get(args.code);
  if (!current) refuse({ code: ErrorCode.NOT_FOUND, zh: `信息资源 ${args.code} 不存在`, en: `no catalog entry ${args.code}`, field: 'code' });
  const { patch, problems } = checkEntryChange(current, args.input, new Set(entries.keys()));
  if (problems.length) {
    refuse({
      code: ErrorCode.INVALID_ARGUMENT,
      zh: problems.map((p) => p.zh).join('；'),
      en: problems.map((p) => p.en).join('; '),
      field: problems[0]!.field,
      extra: { problems },
    });
  }

  const updated = await q.updateEntry(ctx.db, args.code, patch, viewer.sub);
  ctx.loaders.clearAll();
  if (updated && Object.keys(updated.changes).length) {
    const fields = Object.keys(updated.changes);
    reportChanges(ctx, [
      {
        entity: 'CatalogEntry',
        key: args.code,
        action: 'UPDATE_CATALOG_ENTRY',
        before: { code: args.code, version: current.version, ...Object.fromEntries(fields.map((f) => [f, updated.changes[f]!.before])) },
        after: { code: args.code, version: updated.entry.version, ...Object.fromEntries(fields.map((f) => [f, updated.changes[f]!.after])) },
      },
    ]);
  }
  return { entry: (await ctx.loaders.entries.load()).get(args.code) ?? null };
}
