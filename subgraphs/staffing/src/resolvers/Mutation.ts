import { ErrorCode, hubError, requireCreditCode, requireWriter } from '@hub/schema';
import { insertInstitution } from '../db/queries.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { allocateFromPool } from './allocateFromPool.ts';
import { reclaimVacancies } from './reclaimVacancies.ts';
import { reportRemoval } from './reportRemoval.ts';
import { setLeadershipPostsApproved } from './setLeadershipPostsApproved.ts';
import { setQuotaCeiling } from './setQuotaCeiling.ts';
import { transferQuota } from './transferQuota.ts';

export const Mutation: MutationResolvers = {
  /** Every input is checked before anything is written; a duplicate code writes nothing. */
  registerInstitution: async (_, { input }, ctx) => {
    requireWriter(ctx.viewer, 'staffing', 'registerInstitution');
    const creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
    const parentCreditCode = input.parentCreditCode ? requireCreditCode(input.parentCreditCode, 'input.parentCreditCode') : null;
    const name = input.name.trim();
    if (!name) throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.name', '机构名称不能为空', 'the name must not be empty');
    if (!Number.isInteger(input.leadershipPostsApproved) || input.leadershipPostsApproved < 0) {
      throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.leadershipPostsApproved', '领导职数应为非负整数', 'leadership posts must be a whole number, 0 or more');
    }
    if (parentCreditCode && !(await ctx.loaders.institutionByCreditCode.load(parentCreditCode))) {
      throw hubError(ErrorCode.NOT_FOUND, 'input.parentCreditCode', '上级机构不存在', 'no institution has the parent credit code');
    }
    const [row] = await insertInstitution(ctx.db, { ...input, name, creditCode, parentCreditCode });
    if (!row)
      throw hubError(ErrorCode.ALREADY_EXISTS, 'input.creditCode', '该统一社会信用代码已登记', 'an institution with this credit code is already registered');
    ctx.audit.push({ entity: 'Institution', key: creditCode, before: null, after: row });
    return { institution: row };
  },

  reportRemoval,
  reclaimVacancies,
  allocateFromPool,
  transferQuota,
  setQuotaCeiling,
  setLeadershipPostsApproved,
};
