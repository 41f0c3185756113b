import type { FindingEventResolvers } from '../generated/resolvers.ts';

export const FindingEvent: FindingEventResolvers = {
  action: (e) => e.action as never,
  runId: (e) => (e.runId === null ? null : String(e.runId)),
};
