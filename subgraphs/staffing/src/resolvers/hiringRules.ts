import { DECIDER_ROLES, ErrorCode, hubError, type Viewer } from '@hub/schema';
import type { GraphQLError } from 'graphql';
import type { VacancyRefusal } from '../domain/vacancyRefusal.ts';

/**
 * What the hiring mutations share: who decides, reading the inputs they name, and the refusals of the
 * hiring rules in both languages (each an ErrorCode, at the input that broke it).
 */

/** Approvals, refusals, withdrawals and freezes are decisions: the Staffing Office's leaders and reviewers (DECIDER_ROLES). */
export function requireDecider(viewer: Viewer | null, field: string): Viewer {
  if (viewer && viewer.office === 'staffing' && DECIDER_ROLES.has(viewer.role)) return viewer;
  throw hubError(ErrorCode.FORBIDDEN, field, '只有编办的负责人或审核员可以作此决定', "only the Staffing Office's leaders and reviewers decide this", {
    reason: 'NOT_DECIDER',
  });
}

/** An application id as this office gives them out (a positive whole number), or a NOT_FOUND refusal. */
export function applicationIdOf(id: string, field: string): number {
  if (!/^[1-9]\d{0,8}$/.test(id.trim())) throw hubError(ErrorCode.NOT_FOUND, field, `进人用编申请 ${id} 不存在`, `no hiring application ${id}`);
  return Number(id.trim());
}

/** Text a decision must give (a reason, a document number): trimmed, not empty. */
export function requiredText(value: string, field: string, zh: string, en: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw hubError(ErrorCode.INVALID_ARGUMENT, field, `${zh}不能为空`, `${en} must not be empty`);
  return trimmed;
}

/** The refusal of an approval by the vacancy rule it breaks (无编、超编不能进人，空编才能进人). */
export function vacancyError(refusal: VacancyRefusal, persons: number, field: string): GraphQLError {
  switch (refusal.code) {
    case 'NO_QUOTA':
      return hubError(ErrorCode.NO_QUOTA, field, '该单位无此类核定编制，无编不能进人', 'the unit has no approved quota of this category: no quota, no hire');
    case 'OVER_QUOTA':
      return hubError(
        ErrorCode.OVER_QUOTA,
        field,
        `该类编制已超编 ${-refusal.vacant} 名，超编不能进人`,
        `the category is already ${-refusal.vacant} over quota: over quota, no hire`,
        { limit: 0, actual: persons },
      );
    case 'NO_VACANCY':
      return hubError(
        ErrorCode.NO_VACANCY,
        field,
        `空编 ${refusal.vacant} 名，不足拟进 ${persons} 名`,
        `${refusal.vacant} vacancies, fewer than the ${persons} persons asked for`,
        { limit: refusal.vacant, actual: persons },
      );
  }
}

/** The refusal of a frozen unit's hiring. */
export const unitFrozenError = (field: string) =>
  hubError(ErrorCode.UNIT_FROZEN, field, '该单位编制业务已冻结，暂停进人用编', "the unit's staffing procedures are frozen: no hiring meanwhile");
