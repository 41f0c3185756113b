import type { LeadershipAlertResolvers } from '../generated/resolvers.ts';

/** 智能化提示: the institution it names, as a reference the other offices resolve. */
export const LeadershipAlert: LeadershipAlertResolvers = {
  institution: (alert) => (alert.institutionCreditCode ? { creditCode: alert.institutionCreditCode } : null),
};
