import type { StructureAlertResolvers } from '../generated/resolvers.ts';

/** 智能化提示: the institution it names, as a reference the other offices resolve. */
export const StructureAlert: StructureAlertResolvers = {
  institution: (alert) => (alert.institutionCreditCode ? { creditCode: alert.institutionCreditCode } : null),
};
