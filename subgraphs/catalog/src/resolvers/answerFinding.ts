import { ErrorCode, officeName } from '@hub/schema';
import type { CatalogContext } from '../context.ts';
import { answerFinding as writeAnswer, findingsByIds } from '../db/findingQueries.ts';
import { parseId } from '../domain/liveness.ts';
import { invalid } from '../domain/refusal.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';
import { type AnswerAction, findingTransition } from '../domain/verification/findingTransition.ts';
import { mayAnswer } from '../domain/verification/mayAnswer.ts';

/**
 * `acknowledgeFinding`, `markFindingFixed`, `explainFinding`: the office that must act answers, the
 * step is logged on the finding (who, when, note) and in the gateway's operation log (before, after).
 */
export async function answerFinding(ctx: CatalogContext, action: AnswerAction, args: { id: string; note?: string | null }) {
  const viewer = requireViewer(ctx);
  const id = parseId(args.id);
  const [before] = id === null ? [] : await findingsByIds(ctx.db, [id]);
  if (!before) refuse({ code: ErrorCode.NOT_FOUND, field: 'id', zh: `核查问题 ${args.id} 不存在`, en: `no finding ${args.id}` });
  if (!mayAnswer(viewer, before.mustAct)) {
    refuse({
      code: ErrorCode.FORBIDDEN,
      zh: `只有${officeName(before.mustAct)}的负责人、审核员或操作员可以处理该问题`,
      en: `only ${before.mustAct}'s leaders, reviewers and operators answer this finding`,
      extra: { reason: 'NOT_MUST_ACT' },
    });
  }
  const note = args.note?.trim() || null;
  if (action !== 'ACKNOWLEDGE' && !note) refuse(invalid('note', '须写明整改或说明情况', 'say what was fixed, or explain'));
  const status = findingTransition(before.status, action, before.type === 'FLAGGED_VALUE');
  if (typeof status !== 'string') refuse(status);
  const after = await writeAnswer(ctx.db, before, status, { action, office: viewer.office, role: viewer.role, sub: viewer.sub, at: ctx.now(), note });
  if (!after) refuse(invalid('id', '该问题的状态已被他人改变，请刷新后重试', 'the finding changed meanwhile; reload and retry'));
  ctx.loaders.clearAll();
  reportChanges(ctx, [{ entity: 'Finding', key: before.id, action, before, after, purpose: note }]);
  return { finding: after };
}
