import { ErrorCode } from '@hub/schema';
import type { CatalogContext } from '../context.ts';
import { enqueueRun } from '../db/runQueries.ts';
import { readScope } from '../domain/verification/readScope.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';
import type { MutationStartVerificationRunArgs } from '../generated/resolvers.ts';

/**
 * `Mutation.startVerificationRun`: a coordinator queues a run of a scope; the worker takes it (README,
 * "Verification"). A run of the same scope already queued or running is returned instead.
 */
export async function startVerificationRun(_: unknown, args: MutationStartVerificationRunArgs, ctx: CatalogContext) {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'COORDINATOR') {
    refuse({
      code: ErrorCode.FORBIDDEN,
      zh: '只有协调小组成员可以发起核查',
      en: 'only coordinators start verification runs',
      extra: { reason: 'COORDINATOR_ONLY' },
    });
  }
  const scope = readScope(args.input.kind, args.input.value);
  if ('code' in scope) refuse(scope);
  const { run, created } = await enqueueRun(ctx.db, scope, 'ON_DEMAND', null, viewer.sub, ctx.now());
  if (created && run) reportChanges(ctx, [{ entity: 'VerificationRun', key: run.id, action: 'START_VERIFICATION_RUN', before: null, after: run }]);
  return { run, created };
}
