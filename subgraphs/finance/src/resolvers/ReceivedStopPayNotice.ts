import { monthsBetween } from '@hub/schema';
import type { ReceivedStopPayNoticeResolvers } from '../generated/resolvers.ts';

export const ReceivedStopPayNotice: ReceivedStopPayNoticeResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
  overpaidMonths: (row) => (row.paidThroughMonth ? monthsBetween(row.stopFromMonth, row.paidThroughMonth) : []),
};
