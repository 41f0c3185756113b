import { ErrorCode, hubError } from '@hub/schema';
import type { GraphQLError } from 'graphql';
import type { QuotaMovementProblem } from '../domain/quotaMovementProblem.ts';

/**
 * The bilingual refusal of a rule a quota movement would break (domain/quotaMovementProblem.ts),
 * with `limit` (what the rule allows) and `actual` (what was asked) for apps.
 */
export function movementRefusal(problem: QuotaMovementProblem): GraphQLError {
  switch (problem.code) {
    case 'INVALID_AMOUNT':
      return hubError(ErrorCode.INVALID_ARGUMENT, 'input.amount', '数量应为正整数', 'the amount must be a whole number of at least 1');
    case 'NO_QUOTA':
      return hubError(ErrorCode.NO_QUOTA, 'input.category', '划出单位没有此类核定编制', 'the giving institution has no approved quota of this category');
    case 'NO_VACANCY': {
      const numbers = { reason: problem.side, limit: problem.limit, actual: problem.actual };
      return problem.side === 'SOURCE'
        ? hubError(
            ErrorCode.NO_VACANCY,
            'input.amount',
            `空编不足：该单位此类编制有 ${problem.limit} 个空编，申请收回 ${problem.actual} 个`,
            `not enough vacancies: ${problem.limit} vacant, ${problem.actual} asked`,
            numbers,
          )
        : hubError(
            ErrorCode.NO_VACANCY,
            'input.idNumbers',
            `划入单位编制容纳不下随编划转的人员：可容纳 ${problem.limit} 人，划转 ${problem.actual} 人`,
            `the receiving institution has room for ${problem.limit} of the ${problem.actual} persons moving`,
            numbers,
          );
    }
    case 'OVER_QUOTA':
      return hubError(
        ErrorCode.OVER_QUOTA,
        'input.amount',
        `划转后划出单位将超编：最多可划出 ${problem.limit} 个，申请 ${problem.actual} 个`,
        `the giving institution would be over quota: at most ${problem.limit} may go, ${problem.actual} asked`,
        { limit: problem.limit, actual: problem.actual },
      );
    case 'POOL_INSUFFICIENT':
      return hubError(
        ErrorCode.POOL_INSUFFICIENT,
        'input.amount',
        `集中管理池中此类编制不足：池中有 ${problem.limit} 个，申请 ${problem.actual} 个`,
        `the pool holds ${problem.limit} of this category and level, ${problem.actual} asked`,
        { limit: problem.limit, actual: problem.actual },
      );
    case 'REGION_CEILING_EXCEEDED':
      return hubError(
        ErrorCode.REGION_CEILING_EXCEEDED,
        'input.amount',
        `超出上级核定的该层级编制总额：尚可增加 ${problem.limit} 个，申请 ${problem.actual} 个`,
        `above the ceiling the higher level approved for the receiving level: room for ${problem.limit}, ${problem.actual} asked`,
        { limit: problem.limit, actual: problem.actual },
      );
  }
}
