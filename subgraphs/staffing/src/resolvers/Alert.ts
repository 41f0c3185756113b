import type { AlertResolvers } from '../generated/resolvers.ts';

/** 智能化提示: the institution it names, through the batched loader. */
export const Alert: AlertResolvers = {
  institution: (alert, _, ctx) => (alert.institutionCreditCode ? ctx.loaders.institutionByCreditCode.load(alert.institutionCreditCode) : null),
};
