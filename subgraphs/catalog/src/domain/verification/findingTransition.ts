import type { Refusal } from '../refusal.ts';
import { ErrorCode } from '@hub/schema';

export type AnswerAction = 'ACKNOWLEDGE' | 'MARK_FIXED' | 'EXPLAIN';
type Status = 'OPEN' | 'ACKNOWLEDGED' | 'FIXED' | 'EXPLAINED' | 'RESOLVED';

/**
 * The findings workflow: the office that must act acknowledges an open finding, marks it fixed (a run
 * confirms: RESOLVED, or finds it again: OPEN), or explains it. A flagged value (校核纠错) is no run's
 * to confirm: the owner's fix resolves it. Returns the new status, or why the step is refused.
 */
export function findingTransition(status: Status, action: AnswerAction, flagged: boolean): Status | Refusal {
  const conflict = (zh: string, en: string): Refusal => ({
    code: ErrorCode.INVALID_ARGUMENT,
    field: 'id',
    zh,
    en,
    extra: { reason: 'FINDING_STATUS', status },
  });
  if (status === 'RESOLVED') return conflict('该问题已解决', 'the finding is already resolved');
  if (action === 'ACKNOWLEDGE') return status === 'OPEN' ? 'ACKNOWLEDGED' : conflict('只有待处理的问题可以确认', 'only an open finding can be acknowledged');
  if (action === 'MARK_FIXED')
    return status === 'FIXED' ? conflict('该问题已报整改，待核查确认', 'the finding is already marked fixed') : flagged ? 'RESOLVED' : 'FIXED';
  return status === 'FIXED' ? conflict('该问题已报整改，待核查确认', 'the finding is marked fixed, waiting for a run') : 'EXPLAINED';
}
