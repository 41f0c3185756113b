import { connection, readPage } from '@hub/schema';
import { runChanges } from '../db/findingQueries.ts';
import type { VerificationRunResolvers } from '../generated/resolvers.ts';

export const VerificationRun: VerificationRunResolvers = {
  id: (run) => String(run.id),
  scope: (run) => ({ kind: run.scopeKind, value: run.scopeValue || null }),
  phases: (run) => run.phases,
  changes: async (run, args, ctx) => {
    const page = readPage(args.first, args.after, 50);
    const { rows, total } = await runChanges(ctx.db, run.id, args.change ?? null, page.limit + 1, page.offset);
    const c = connection(rows, page, total);
    return { ...c, totalCount: await total() };
  },
};
